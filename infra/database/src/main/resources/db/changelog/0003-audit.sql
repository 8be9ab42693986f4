--liquibase formatted sql

--changeset rg:0003-audit-event
-- Append-only: the runtime roles may insert, never update or delete, and platform-api cannot
-- read it back (audits are read through tenant-admin).
CREATE TABLE rg.audit_event (
  community_id uuid        NOT NULL REFERENCES rg.community (id),
  id           uuid        NOT NULL,
  occurred_at  timestamptz NOT NULL DEFAULT now(),
  actor_id     text        NOT NULL,
  action       text        NOT NULL,
  subject_type text        NOT NULL,
  subject_id   uuid,
  details      jsonb       NOT NULL DEFAULT '{}',
  PRIMARY KEY (community_id, id)
);
ALTER TABLE rg.audit_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE rg.audit_event FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_event_in_scope ON rg.audit_event
  USING (community_id = ANY ((SELECT rg.allowed_community_ids())::uuid[]))
  WITH CHECK (community_id = ANY ((SELECT rg.allowed_community_ids())::uuid[]));
GRANT INSERT ON rg.audit_event TO rg_api;
GRANT SELECT, INSERT ON rg.audit_event TO rg_admin;
--rollback DROP TABLE rg.audit_event;
