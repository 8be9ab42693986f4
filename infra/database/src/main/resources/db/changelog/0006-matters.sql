--liquibase formatted sql

--changeset rg:0006-resident-account
-- Which login (Keycloak subject) is which resident, per community: a resident raises and follows
-- their own matters through it. One account per resident and one resident per account in a
-- community; the same person may be a resident of several communities.
CREATE TABLE rg.resident_account (
  community_id uuid        NOT NULL REFERENCES rg.community (id),
  user_id      text        NOT NULL CHECK (length(user_id) BETWEEN 1 AND 100),
  resident_id  uuid        NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, user_id),
  UNIQUE (community_id, resident_id),
  FOREIGN KEY (community_id, resident_id) REFERENCES rg.resident (community_id, id)
);
CALL rg.guard_tenant_table('resident_account');
GRANT SELECT, INSERT, DELETE ON rg.resident_account TO rg_api;
GRANT SELECT, INSERT, DELETE ON rg.resident_account TO rg_admin;
--rollback DROP TABLE rg.resident_account;

--changeset rg:0006-published-cards
-- Read models that the roster and the bodies publish for other features (matters, meetings), so
-- that those never read roster tables: a name and an address, nothing personal. The views run
-- with the caller's rights (security_invoker), so row-level security of the tables beneath applies.
CREATE VIEW rg.resident_card WITH (security_invoker = true) AS
SELECT r.community_id,
       r.id,
       r.name,
       r.household_id,
       h.building_id,
       b.number || '-' || h.unit || '-' || h.room AS address,
       a.user_id
  FROM rg.resident r
  JOIN rg.household h ON h.community_id = r.community_id AND h.id = r.household_id
  JOIN rg.building b ON b.community_id = h.community_id AND b.id = h.building_id
  LEFT JOIN rg.resident_account a ON a.community_id = r.community_id AND a.resident_id = r.id;

CREATE VIEW rg.party_member_card WITH (security_invoker = true) AS
SELECT p.community_id,
       p.id,
       coalesce(p.name, r.name) AS name,
       p.resident_id
  FROM rg.party_member p
  LEFT JOIN rg.resident r ON r.community_id = p.community_id AND r.id = p.resident_id;

CREATE VIEW rg.household_card WITH (security_invoker = true) AS
SELECT h.community_id,
       h.id,
       h.building_id,
       b.number || '-' || h.unit || '-' || h.room AS address
  FROM rg.household h
  JOIN rg.building b ON b.community_id = h.community_id AND b.id = h.building_id;

CREATE VIEW rg.building_card WITH (security_invoker = true) AS
SELECT community_id, id, number FROM rg.building;

CREATE VIEW rg.body_card WITH (security_invoker = true) AS
SELECT community_id, id, kind, name FROM rg.governance_body;

GRANT SELECT ON rg.resident_card, rg.party_member_card, rg.household_card, rg.building_card,
  rg.body_card TO rg_api, rg_admin;
--rollback DROP VIEW rg.body_card; DROP VIEW rg.building_card; DROP VIEW rg.household_card; DROP VIEW rg.party_member_card; DROP VIEW rg.resident_card;

--changeset rg:0006-matter-subcategory
-- Categories are fixed by the platform; each community may add subcategories beneath them.
CREATE TABLE rg.matter_subcategory (
  community_id uuid        NOT NULL REFERENCES rg.community (id),
  id           uuid        NOT NULL,
  category     text        NOT NULL CHECK (category IN ('PARKING', 'FACILITY', 'GREENING',
                             'SANITATION', 'PETS', 'SAFETY', 'NEIGHBOURS', 'OTHER')),
  name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  version      integer     NOT NULL DEFAULT 0,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, id),
  UNIQUE (community_id, category, name),
  -- lets a matter's foreign key check that its subcategory belongs to its category
  UNIQUE (community_id, id, category)
);
CALL rg.guard_tenant_table('matter_subcategory');
GRANT SELECT, INSERT, UPDATE ON rg.matter_subcategory TO rg_api;
GRANT SELECT, INSERT ON rg.matter_subcategory TO rg_admin;
--rollback DROP TABLE rg.matter_subcategory;

--changeset rg:0006-matter
-- 居民说事: a matter raised by (or for) a resident, and where it stands in the workflow.
CREATE TABLE rg.matter (
  community_id             uuid        NOT NULL REFERENCES rg.community (id),
  id                       uuid        NOT NULL,
  title                    text        NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
  description              text        NOT NULL CHECK (length(description) BETWEEN 1 AND 5000),
  category                 text        NOT NULL CHECK (category IN ('PARKING', 'FACILITY',
                                         'GREENING', 'SANITATION', 'PETS', 'SAFETY', 'NEIGHBOURS',
                                         'OTHER')),
  subcategory_id           uuid,
  source                   text        NOT NULL CHECK (source IN ('RESIDENT_TALK', 'GRID_PATROL',
                                         'MEETING', 'HOTLINE', 'INSPECTION')),
  reporter_resident_id     uuid,
  raised_by_user_id        text        NOT NULL,
  raised_by_name           text        NOT NULL,
  building_id              uuid,
  household_id             uuid,
  location_text            text        CHECK (length(location_text) BETWEEN 1 AND 200),
  public                   boolean     NOT NULL DEFAULT false,
  status                   text        NOT NULL DEFAULT 'REPORTED' CHECK (status IN ('REPORTED',
                                         'ACCEPTED', 'REJECTED', 'SCHEDULED', 'IN_PROGRESS',
                                         'RESOLVED', 'REOPENED', 'VERIFIED', 'CLOSED')),
  assignee_body_id         uuid,
  assignee_resident_id     uuid,
  assignee_party_member_id uuid,
  due_on                   date,
  resolution               text        CHECK (length(resolution) BETWEEN 1 AND 2000),
  rating                   smallint    CHECK (rating BETWEEN 1 AND 5),
  rating_comment           text        CHECK (length(rating_comment) BETWEEN 1 AND 1000),
  reported_at              timestamptz NOT NULL DEFAULT now(),
  resolved_at              timestamptz,
  verified_at              timestamptz,
  closed_at                timestamptz,
  version                  integer     NOT NULL DEFAULT 0,
  created_at               timestamptz NOT NULL DEFAULT now(),
  updated_at               timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, id),
  FOREIGN KEY (community_id, subcategory_id, category)
    REFERENCES rg.matter_subcategory (community_id, id, category),
  FOREIGN KEY (community_id, reporter_resident_id) REFERENCES rg.resident (community_id, id),
  FOREIGN KEY (community_id, building_id) REFERENCES rg.building (community_id, id),
  FOREIGN KEY (community_id, household_id) REFERENCES rg.household (community_id, id),
  FOREIGN KEY (community_id, assignee_body_id) REFERENCES rg.governance_body (community_id, id),
  FOREIGN KEY (community_id, assignee_resident_id) REFERENCES rg.resident (community_id, id),
  FOREIGN KEY (community_id, assignee_party_member_id)
    REFERENCES rg.party_member (community_id, id),
  CHECK (num_nonnulls(assignee_body_id, assignee_resident_id, assignee_party_member_id) <= 1),
  CHECK (status NOT IN ('IN_PROGRESS', 'RESOLVED', 'VERIFIED')
         OR num_nonnulls(assignee_body_id, assignee_resident_id, assignee_party_member_id) = 1),
  CHECK ((rating IS NULL) OR status = 'CLOSED')
);
CREATE INDEX matter_board_idx ON rg.matter (community_id, reported_at DESC, id DESC);
CREATE INDEX matter_status_idx ON rg.matter (community_id, status, reported_at DESC, id DESC);
CREATE INDEX matter_reporter_idx ON rg.matter (community_id, reporter_resident_id);
CREATE INDEX matter_raised_by_idx ON rg.matter (community_id, raised_by_user_id);
CALL rg.guard_tenant_table('matter');
GRANT SELECT, INSERT, UPDATE ON rg.matter TO rg_api;
GRANT SELECT, INSERT ON rg.matter TO rg_admin;
--rollback DROP TABLE rg.matter;

--changeset rg:0006-matter-timeline
-- Every step of a matter, append-only: the runtime role may add entries, never change them.
CREATE TABLE rg.matter_event (
  community_id uuid        NOT NULL REFERENCES rg.community (id),
  id           uuid        NOT NULL,
  matter_id    uuid        NOT NULL,
  occurred_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_id     text        NOT NULL,
  actor_name   text        NOT NULL,
  from_status  text,
  to_status    text        NOT NULL,
  note         text        CHECK (length(note) BETWEEN 1 AND 2000),
  PRIMARY KEY (community_id, id),
  FOREIGN KEY (community_id, matter_id) REFERENCES rg.matter (community_id, id)
);
CREATE INDEX matter_event_matter_idx ON rg.matter_event (community_id, matter_id, occurred_at DESC, id DESC);
CALL rg.guard_tenant_table('matter_event');
GRANT SELECT, INSERT ON rg.matter_event TO rg_api;
GRANT SELECT, INSERT ON rg.matter_event TO rg_admin;

-- "Me too": one support per resident and matter.
CREATE TABLE rg.matter_support (
  community_id uuid        NOT NULL REFERENCES rg.community (id),
  matter_id    uuid        NOT NULL,
  resident_id  uuid        NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, matter_id, resident_id),
  FOREIGN KEY (community_id, matter_id) REFERENCES rg.matter (community_id, id),
  FOREIGN KEY (community_id, resident_id) REFERENCES rg.resident (community_id, id)
);
CALL rg.guard_tenant_table('matter_support');
GRANT SELECT, INSERT, DELETE ON rg.matter_support TO rg_api;
GRANT SELECT, INSERT ON rg.matter_support TO rg_admin;

CREATE TABLE rg.matter_comment (
  community_id uuid        NOT NULL REFERENCES rg.community (id),
  id           uuid        NOT NULL,
  matter_id    uuid        NOT NULL,
  author_id    text        NOT NULL,
  author_name  text        NOT NULL,
  staff        boolean     NOT NULL,
  body         text        NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
  created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (community_id, id),
  FOREIGN KEY (community_id, matter_id) REFERENCES rg.matter (community_id, id)
);
CREATE INDEX matter_comment_matter_idx ON rg.matter_comment (community_id, matter_id, created_at, id);
CALL rg.guard_tenant_table('matter_comment');
GRANT SELECT, INSERT ON rg.matter_comment TO rg_api;
GRANT SELECT, INSERT ON rg.matter_comment TO rg_admin;
--rollback DROP TABLE rg.matter_comment; DROP TABLE rg.matter_support; DROP TABLE rg.matter_event;
