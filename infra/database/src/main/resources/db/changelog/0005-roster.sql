--liquibase formatted sql

--changeset rg:0005-tenant-table-procedure splitStatements:false
-- Every tenant table gets the same wall; one procedure applies it so that no table forgets a part.
CREATE PROCEDURE rg.guard_tenant_table(table_name text)
  LANGUAGE plpgsql
AS $$
BEGIN
  EXECUTE format('ALTER TABLE rg.%I ENABLE ROW LEVEL SECURITY', table_name);
  EXECUTE format('ALTER TABLE rg.%I FORCE ROW LEVEL SECURITY', table_name);
  EXECUTE format(
    'CREATE POLICY %I ON rg.%I'
    ' USING (community_id = ANY ((SELECT rg.allowed_community_ids())::uuid[]))'
    ' WITH CHECK (community_id = ANY ((SELECT rg.allowed_community_ids())::uuid[]))',
    table_name || '_in_scope', table_name);
END
$$;
--rollback DROP PROCEDURE rg.guard_tenant_table(text);

--changeset rg:0005-grid
-- 网格: a sub-area of a community with its grid party branch.
CREATE TABLE rg.grid (
  community_id      uuid        NOT NULL REFERENCES rg.community (id),
  id                uuid        NOT NULL,
  name              text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  party_branch_name text        CHECK (length(party_branch_name) BETWEEN 1 AND 100),
  worker_name       text        CHECK (length(worker_name) BETWEEN 1 AND 100),
  version           integer     NOT NULL DEFAULT 0,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, id),
  UNIQUE (community_id, name)
);
CALL rg.guard_tenant_table('grid');
GRANT SELECT, INSERT, UPDATE, DELETE ON rg.grid TO rg_api;
GRANT SELECT ON rg.grid TO rg_admin;
--rollback DROP TABLE rg.grid;

--changeset rg:0005-building
CREATE TABLE rg.building (
  community_id uuid        NOT NULL REFERENCES rg.community (id),
  id           uuid        NOT NULL,
  number       text        NOT NULL CHECK (length(number) BETWEEN 1 AND 30),
  units        integer     NOT NULL DEFAULT 1 CHECK (units BETWEEN 1 AND 50),
  grid_id      uuid,
  version      integer     NOT NULL DEFAULT 0,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, id),
  UNIQUE (community_id, number),
  FOREIGN KEY (community_id, grid_id) REFERENCES rg.grid (community_id, id)
);
CREATE INDEX building_grid_idx ON rg.building (community_id, grid_id);
CALL rg.guard_tenant_table('building');
GRANT SELECT, INSERT, UPDATE, DELETE ON rg.building TO rg_api;
GRANT SELECT ON rg.building TO rg_admin;
--rollback DROP TABLE rg.building;

--changeset rg:0005-household
-- 户: address "building-unit-room", unique per community.
CREATE TABLE rg.household (
  community_id uuid        NOT NULL REFERENCES rg.community (id),
  id           uuid        NOT NULL,
  building_id  uuid        NOT NULL,
  unit         text        NOT NULL CHECK (length(unit) BETWEEN 1 AND 10),
  room         text        NOT NULL CHECK (length(room) BETWEEN 1 AND 10),
  grid_id      uuid,
  version      integer     NOT NULL DEFAULT 0,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, id),
  UNIQUE (community_id, building_id, unit, room),
  FOREIGN KEY (community_id, building_id) REFERENCES rg.building (community_id, id),
  FOREIGN KEY (community_id, grid_id) REFERENCES rg.grid (community_id, id)
);
CREATE INDEX household_grid_idx ON rg.household (community_id, grid_id);
CALL rg.guard_tenant_table('household');
GRANT SELECT, INSERT, UPDATE, DELETE ON rg.household TO rg_api;
GRANT SELECT ON rg.household TO rg_admin;
--rollback DROP TABLE rg.household;

--changeset rg:0005-resident
-- 居民. Phone and ID-card number are personal information (PIPL): stored encrypted by the
-- application (AES-GCM), looked up through a keyed hash, and kept masked beside for display.
CREATE TABLE rg.resident (
  community_id   uuid        NOT NULL REFERENCES rg.community (id),
  id             uuid        NOT NULL,
  household_id   uuid        NOT NULL,
  name           text        NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  gender         text        CHECK (gender IN ('MALE', 'FEMALE')),
  birth_year     integer     CHECK (birth_year BETWEEN 1900 AND 2100),
  phone_cipher   bytea,
  phone_hash     bytea,
  phone_masked   text,
  id_card_cipher bytea,
  id_card_hash   bytea,
  id_card_masked text,
  owner          boolean     NOT NULL DEFAULT false,
  moved_in_on    date,
  moved_out_on   date,
  status         text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'MOVED_OUT')),
  version        integer     NOT NULL DEFAULT 0,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, id),
  FOREIGN KEY (community_id, household_id) REFERENCES rg.household (community_id, id),
  CHECK ((phone_cipher IS NULL) = (phone_hash IS NULL) AND (phone_cipher IS NULL) = (phone_masked IS NULL)),
  CHECK ((id_card_cipher IS NULL) = (id_card_hash IS NULL) AND (id_card_cipher IS NULL) = (id_card_masked IS NULL)),
  CHECK ((status = 'MOVED_OUT') = (moved_out_on IS NOT NULL))
);
CREATE UNIQUE INDEX resident_id_card_uq ON rg.resident (community_id, id_card_hash);
CREATE INDEX resident_phone_idx ON rg.resident (community_id, phone_hash);
CREATE INDEX resident_household_idx ON rg.resident (community_id, household_id);
CALL rg.guard_tenant_table('resident');
GRANT SELECT, INSERT, UPDATE, DELETE ON rg.resident TO rg_api;
GRANT SELECT ON rg.resident TO rg_admin;
--rollback DROP TABLE rg.resident;

--changeset rg:0005-party-member
-- 党员: a resident, or a person from outside who serves here (then name and workplace only).
CREATE TABLE rg.party_member (
  community_id uuid        NOT NULL REFERENCES rg.community (id),
  id           uuid        NOT NULL,
  resident_id  uuid,
  name         text        CHECK (length(name) BETWEEN 1 AND 50),
  kind         text        NOT NULL CHECK (kind IN ('REGISTERED', 'IN_SERVICE', 'SILVER')),
  workplace    text        CHECK (length(workplace) BETWEEN 1 AND 200),
  joined_on    date,
  grid_id      uuid,
  specialties  text[]      NOT NULL DEFAULT '{}',
  status       text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'TRANSFERRED', 'INACTIVE')),
  version      integer     NOT NULL DEFAULT 0,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, id),
  FOREIGN KEY (community_id, resident_id) REFERENCES rg.resident (community_id, id),
  FOREIGN KEY (community_id, grid_id) REFERENCES rg.grid (community_id, id),
  CHECK ((resident_id IS NULL) <> (name IS NULL)),
  CHECK (kind <> 'IN_SERVICE' OR workplace IS NOT NULL)
);
CREATE UNIQUE INDEX party_member_resident_uq ON rg.party_member (community_id, resident_id);
CREATE INDEX party_member_specialties_idx ON rg.party_member USING gin (specialties);
CALL rg.guard_tenant_table('party_member');
GRANT SELECT, INSERT, UPDATE, DELETE ON rg.party_member TO rg_api;
GRANT SELECT ON rg.party_member TO rg_admin;
--rollback DROP TABLE rg.party_member;

--changeset rg:0005-governance-body
-- The "five homes": one body of each kind per community, with terms (届) and memberships.
CREATE TABLE rg.governance_body (
  community_id uuid        NOT NULL REFERENCES rg.community (id),
  id           uuid        NOT NULL,
  kind         text        NOT NULL CHECK (kind IN ('PARTY_BRANCH', 'OWNERS_COMMITTEE',
                             'SUPERVISORY_COMMITTEE', 'OWNER_REPRESENTATIVES', 'PARTY_MEMBERS')),
  name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  version      integer     NOT NULL DEFAULT 0,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, id),
  UNIQUE (community_id, kind)
);
CALL rg.guard_tenant_table('governance_body');
GRANT SELECT, INSERT, UPDATE ON rg.governance_body TO rg_api;
GRANT SELECT, INSERT ON rg.governance_body TO rg_admin;

CREATE TABLE rg.body_term (
  community_id uuid        NOT NULL REFERENCES rg.community (id),
  id           uuid        NOT NULL,
  body_id      uuid        NOT NULL,
  number       integer     NOT NULL CHECK (number BETWEEN 1 AND 1000),
  starts_on    date        NOT NULL,
  ends_on      date        NOT NULL,
  version      integer     NOT NULL DEFAULT 0,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, id),
  UNIQUE (community_id, body_id, number),
  FOREIGN KEY (community_id, body_id) REFERENCES rg.governance_body (community_id, id),
  CHECK (ends_on > starts_on)
);
CALL rg.guard_tenant_table('body_term');
GRANT SELECT, INSERT, UPDATE, DELETE ON rg.body_term TO rg_api;
GRANT SELECT ON rg.body_term TO rg_admin;

CREATE TABLE rg.body_membership (
  community_id    uuid        NOT NULL REFERENCES rg.community (id),
  id              uuid        NOT NULL,
  term_id         uuid        NOT NULL,
  resident_id     uuid,
  party_member_id uuid,
  position        text        NOT NULL CHECK (position IN ('CHAIR', 'VICE_CHAIR', 'SECRETARY', 'MEMBER')),
  from_on         date        NOT NULL,
  to_on           date,
  version         integer     NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, id),
  FOREIGN KEY (community_id, term_id) REFERENCES rg.body_term (community_id, id),
  FOREIGN KEY (community_id, resident_id) REFERENCES rg.resident (community_id, id),
  FOREIGN KEY (community_id, party_member_id) REFERENCES rg.party_member (community_id, id),
  CHECK (num_nonnulls(resident_id, party_member_id) = 1),
  CHECK (to_on IS NULL OR to_on >= from_on)
);
CREATE INDEX body_membership_term_idx ON rg.body_membership (community_id, term_id);
CALL rg.guard_tenant_table('body_membership');
GRANT SELECT, INSERT, UPDATE, DELETE ON rg.body_membership TO rg_api;
GRANT SELECT ON rg.body_membership TO rg_admin;
--rollback DROP TABLE rg.body_membership; DROP TABLE rg.body_term; DROP TABLE rg.governance_body;

--changeset rg:0005-partners-and-posts
-- 共建单位 and service posts (先锋驿站, 健康生活馆, 网格支部 …).
CREATE TABLE rg.partner_organization (
  community_id    uuid        NOT NULL REFERENCES rg.community (id),
  id              uuid        NOT NULL,
  name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind            text        NOT NULL CHECK (kind IN ('UNIVERSITY', 'ENTERPRISE', 'GOVERNMENT', 'SOCIAL_ORGANIZATION', 'OTHER')),
  contact         text        CHECK (length(contact) BETWEEN 1 AND 200),
  agreement_from  date,
  agreement_to    date,
  version         integer     NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, id),
  UNIQUE (community_id, name),
  CHECK (agreement_to IS NULL OR agreement_from IS NULL OR agreement_to >= agreement_from)
);
CALL rg.guard_tenant_table('partner_organization');
GRANT SELECT, INSERT, UPDATE, DELETE ON rg.partner_organization TO rg_api;
GRANT SELECT ON rg.partner_organization TO rg_admin;

CREATE TABLE rg.service_post (
  community_id  uuid        NOT NULL REFERENCES rg.community (id),
  id            uuid        NOT NULL,
  kind          text        NOT NULL CHECK (kind IN ('PIONEER_POST', 'HEALTH_HALL', 'GRID_BRANCH', 'OTHER')),
  name          text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  address       text        CHECK (length(address) BETWEEN 1 AND 200),
  opening_hours text        CHECK (length(opening_hours) BETWEEN 1 AND 200),
  capacity      integer     CHECK (capacity BETWEEN 1 AND 100000),
  version       integer     NOT NULL DEFAULT 0,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, id),
  UNIQUE (community_id, name)
);
CALL rg.guard_tenant_table('service_post');
GRANT SELECT, INSERT, UPDATE, DELETE ON rg.service_post TO rg_api;
GRANT SELECT ON rg.service_post TO rg_admin;
--rollback DROP TABLE rg.service_post; DROP TABLE rg.partner_organization;

--changeset rg:0005-personal-data-access
-- Every read of an unmasked phone or ID-card number: who read whose which field, when.
-- Append-only like the audit log.
CREATE TABLE rg.personal_data_access (
  community_id uuid        NOT NULL REFERENCES rg.community (id),
  id           uuid        NOT NULL,
  occurred_at  timestamptz NOT NULL DEFAULT now(),
  actor_id     text        NOT NULL,
  resident_id  uuid        NOT NULL,
  field        text        NOT NULL CHECK (field IN ('PHONE', 'ID_CARD')),
  PRIMARY KEY (community_id, id)
);
COMMENT ON COLUMN rg.personal_data_access.resident_id IS
  'No foreign key on purpose: the record of an access outlives the resident it concerns.';
CALL rg.guard_tenant_table('personal_data_access');
GRANT INSERT ON rg.personal_data_access TO rg_api;
GRANT SELECT, INSERT ON rg.personal_data_access TO rg_admin;
--rollback DROP TABLE rg.personal_data_access;
