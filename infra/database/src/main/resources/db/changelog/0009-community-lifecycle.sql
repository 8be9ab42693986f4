--liquibase formatted sql

--changeset rg:0009-community-status-reason
-- Why a community is in its status (suspended for …), and since when; set by tenant-admin.
ALTER TABLE rg.community ADD COLUMN status_reason text CHECK (length(status_reason) BETWEEN 1 AND 500);
ALTER TABLE rg.community ADD COLUMN status_changed_at timestamptz;
--rollback ALTER TABLE rg.community DROP COLUMN status_changed_at; ALTER TABLE rg.community DROP COLUMN status_reason;

--changeset rg:0009-admin-audit-event
-- Every tenant-admin action, allowed or refused: who, what, when, which street and community, the
-- result. Street-level, not a tenant table: it outlives an erased community, so it names the
-- community by key. Append-only: tenant-admin may insert and read, nobody may change a row, and
-- platform-api cannot see it at all.
CREATE TABLE rg.admin_audit_event (
  id            uuid        PRIMARY KEY,
  occurred_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_id      text        NOT NULL,
  actor_name    text        NOT NULL,
  action        text        NOT NULL,
  street_key    text        NOT NULL,
  community_key text,
  result        text        NOT NULL CHECK (result IN ('OK', 'REFUSED', 'FAILED')),
  reason        text,
  details       jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX admin_audit_event_street_idx ON rg.admin_audit_event (street_key, occurred_at DESC, id DESC);
GRANT SELECT, INSERT ON rg.admin_audit_event TO rg_admin;
--rollback DROP TABLE rg.admin_audit_event;
