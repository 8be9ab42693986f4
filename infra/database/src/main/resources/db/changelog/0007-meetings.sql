--liquibase formatted sql

--changeset rg:0007-matter-card
-- What matters publish for meetings' agendas: what the matter is and where it stands, and the
-- reporter's name (meetings show it to staff only).
CREATE VIEW rg.matter_card WITH (security_invoker = true) AS
SELECT m.community_id,
       m.id,
       m.title,
       m.status,
       m.category,
       m.public,
       r.name AS reporter_name
  FROM rg.matter m
  LEFT JOIN rg.resident r ON r.community_id = m.community_id AND r.id = m.reporter_resident_id;
GRANT SELECT ON rg.matter_card TO rg_api, rg_admin;

-- Who sits on which body now, for attendance sheets: the bodies publish it.
CREATE VIEW rg.body_seat_card WITH (security_invoker = true) AS
SELECT m.community_id,
       t.body_id,
       m.resident_id,
       m.party_member_id,
       coalesce(r.name, pr.name, p.name) AS name,
       m.position
  FROM rg.body_membership m
  JOIN rg.body_term t ON t.community_id = m.community_id AND t.id = m.term_id
  LEFT JOIN rg.resident r ON r.community_id = m.community_id AND r.id = m.resident_id
  LEFT JOIN rg.party_member p ON p.community_id = m.community_id AND p.id = m.party_member_id
  LEFT JOIN rg.resident pr ON pr.community_id = p.community_id AND pr.id = p.resident_id
 WHERE current_date BETWEEN t.starts_on AND t.ends_on
   AND current_date >= m.from_on AND (m.to_on IS NULL OR current_date <= m.to_on);
GRANT SELECT ON rg.body_seat_card TO rg_api, rg_admin;

CREATE VIEW rg.service_post_card WITH (security_invoker = true) AS
SELECT community_id, id, name FROM rg.service_post;
GRANT SELECT ON rg.service_post_card TO rg_api, rg_admin;
--rollback DROP VIEW rg.service_post_card; DROP VIEW rg.body_seat_card; DROP VIEW rg.matter_card;

--changeset rg:0007-meeting-series
-- A standing meeting, e.g. the weekly briefing every Thursday 19:00; it creates its meetings.
CREATE TABLE rg.meeting_series (
  community_id     uuid        NOT NULL REFERENCES rg.community (id),
  id               uuid        NOT NULL,
  kind             text        NOT NULL CHECK (kind IN ('WEEKLY_BRIEFING', 'DELIBERATION',
                                 'THEME_PARTY_DAY', 'OWNERS_ASSEMBLY')),
  title            text        NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
  weekday          smallint    NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  starts_at_time   time        NOT NULL,
  duration_minutes integer     NOT NULL CHECK (duration_minutes BETWEEN 15 AND 600),
  service_post_id  uuid,
  place_text       text        CHECK (length(place_text) BETWEEN 1 AND 200),
  convener_name    text        NOT NULL CHECK (length(convener_name) BETWEEN 1 AND 100),
  invited_body_ids uuid[]      NOT NULL DEFAULT '{}',
  starts_on        date        NOT NULL,
  ends_on          date,
  version          integer     NOT NULL DEFAULT 0,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, id),
  FOREIGN KEY (community_id, service_post_id) REFERENCES rg.service_post (community_id, id),
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CALL rg.guard_tenant_table('meeting_series');
GRANT SELECT, INSERT, UPDATE ON rg.meeting_series TO rg_api;
GRANT SELECT, INSERT ON rg.meeting_series TO rg_admin;

--changeset rg:0007-meeting
CREATE TABLE rg.meeting (
  community_id     uuid        NOT NULL REFERENCES rg.community (id),
  id               uuid        NOT NULL,
  series_id        uuid,
  kind             text        NOT NULL CHECK (kind IN ('WEEKLY_BRIEFING', 'DELIBERATION',
                                 'THEME_PARTY_DAY', 'OWNERS_ASSEMBLY')),
  title            text        NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
  starts_at        timestamptz NOT NULL,
  ends_at          timestamptz NOT NULL,
  service_post_id  uuid,
  place_text       text        CHECK (length(place_text) BETWEEN 1 AND 200),
  convener_name    text        NOT NULL CHECK (length(convener_name) BETWEEN 1 AND 100),
  status           text        NOT NULL DEFAULT 'PLANNED'
                               CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'HELD', 'CANCELLED')),
  minutes          text        CHECK (length(minutes) BETWEEN 1 AND 20000),
  minutes_notice_id uuid,
  version          integer     NOT NULL DEFAULT 0,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, id),
  -- a series creates each of its meetings once, however often the roller runs
  UNIQUE (community_id, series_id, starts_at),
  FOREIGN KEY (community_id, series_id) REFERENCES rg.meeting_series (community_id, id),
  FOREIGN KEY (community_id, service_post_id) REFERENCES rg.service_post (community_id, id),
  CHECK (ends_at > starts_at)
);
CREATE INDEX meeting_starts_idx ON rg.meeting (community_id, starts_at DESC, id DESC);
CALL rg.guard_tenant_table('meeting');
GRANT SELECT, INSERT, UPDATE ON rg.meeting TO rg_api;
GRANT SELECT, INSERT ON rg.meeting TO rg_admin;

CREATE TABLE rg.meeting_invitation (
  community_id uuid NOT NULL REFERENCES rg.community (id),
  meeting_id   uuid NOT NULL,
  body_id      uuid NOT NULL,
  PRIMARY KEY (community_id, meeting_id, body_id),
  FOREIGN KEY (community_id, meeting_id) REFERENCES rg.meeting (community_id, id),
  FOREIGN KEY (community_id, body_id) REFERENCES rg.governance_body (community_id, id)
);
CALL rg.guard_tenant_table('meeting_invitation');
GRANT SELECT, INSERT, DELETE ON rg.meeting_invitation TO rg_api;
GRANT SELECT, INSERT ON rg.meeting_invitation TO rg_admin;

CREATE TABLE rg.agenda_item (
  community_id uuid        NOT NULL REFERENCES rg.community (id),
  id           uuid        NOT NULL,
  meeting_id   uuid        NOT NULL,
  position     integer     NOT NULL CHECK (position BETWEEN 1 AND 1000),
  matter_id    uuid,
  topic        text        CHECK (length(topic) BETWEEN 1 AND 200),
  decision     text        CHECK (length(decision) BETWEEN 1 AND 5000),
  decided_at   timestamptz,
  version      integer     NOT NULL DEFAULT 0,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, id),
  UNIQUE (community_id, meeting_id, position),
  UNIQUE (community_id, meeting_id, matter_id),
  FOREIGN KEY (community_id, meeting_id) REFERENCES rg.meeting (community_id, id),
  FOREIGN KEY (community_id, matter_id) REFERENCES rg.matter (community_id, id),
  CHECK ((matter_id IS NULL) <> (topic IS NULL)),
  CHECK ((decision IS NULL) = (decided_at IS NULL))
);
CALL rg.guard_tenant_table('agenda_item');
GRANT SELECT, INSERT, UPDATE ON rg.agenda_item TO rg_api;
GRANT SELECT, INSERT ON rg.agenda_item TO rg_admin;

-- Attendance per person, marked by the body they sit for.
CREATE TABLE rg.attendance (
  community_id    uuid        NOT NULL REFERENCES rg.community (id),
  id              uuid        NOT NULL,
  meeting_id      uuid        NOT NULL,
  body_id         uuid        NOT NULL,
  resident_id     uuid,
  party_member_id uuid,
  status          text        NOT NULL CHECK (status IN ('PRESENT', 'ABSENT', 'EXCUSED')),
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, id),
  FOREIGN KEY (community_id, meeting_id) REFERENCES rg.meeting (community_id, id),
  FOREIGN KEY (community_id, body_id) REFERENCES rg.governance_body (community_id, id),
  FOREIGN KEY (community_id, resident_id) REFERENCES rg.resident (community_id, id),
  FOREIGN KEY (community_id, party_member_id) REFERENCES rg.party_member (community_id, id),
  CHECK (num_nonnulls(resident_id, party_member_id) = 1)
);
CREATE UNIQUE INDEX attendance_person_uq ON rg.attendance
  (community_id, meeting_id, body_id, coalesce(resident_id, party_member_id));
CALL rg.guard_tenant_table('attendance');
GRANT SELECT, INSERT, UPDATE ON rg.attendance TO rg_api;
GRANT SELECT, INSERT ON rg.attendance TO rg_admin;

CREATE TABLE rg.action_item (
  community_id          uuid        NOT NULL REFERENCES rg.community (id),
  id                    uuid        NOT NULL,
  meeting_id            uuid        NOT NULL,
  agenda_item_id        uuid,
  description           text        NOT NULL CHECK (length(description) BETWEEN 1 AND 1000),
  owner_body_id         uuid,
  owner_resident_id     uuid,
  owner_party_member_id uuid,
  due_on                date        NOT NULL,
  status                text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DONE', 'CANCELLED')),
  done_at               timestamptz,
  version               integer     NOT NULL DEFAULT 0,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, id),
  FOREIGN KEY (community_id, meeting_id) REFERENCES rg.meeting (community_id, id),
  FOREIGN KEY (community_id, agenda_item_id) REFERENCES rg.agenda_item (community_id, id),
  FOREIGN KEY (community_id, owner_body_id) REFERENCES rg.governance_body (community_id, id),
  FOREIGN KEY (community_id, owner_resident_id) REFERENCES rg.resident (community_id, id),
  FOREIGN KEY (community_id, owner_party_member_id) REFERENCES rg.party_member (community_id, id),
  CHECK (num_nonnulls(owner_body_id, owner_resident_id, owner_party_member_id) = 1),
  CHECK ((status = 'DONE') = (done_at IS NOT NULL))
);
CREATE INDEX action_item_meeting_idx ON rg.action_item (community_id, meeting_id);
CREATE INDEX action_item_open_idx ON rg.action_item (community_id, due_on) WHERE status = 'OPEN';
CALL rg.guard_tenant_table('action_item');
GRANT SELECT, INSERT, UPDATE ON rg.action_item TO rg_api;
GRANT SELECT, INSERT ON rg.action_item TO rg_admin;
--rollback DROP TABLE rg.action_item; DROP TABLE rg.attendance; DROP TABLE rg.agenda_item; DROP TABLE rg.meeting_invitation; DROP TABLE rg.meeting; DROP TABLE rg.meeting_series;
