--liquibase formatted sql

--changeset rg:0018-notification-digest
-- How often a person wants a digest of what they have not seen yet: never (the default), daily or
-- weekly, by e-mail.
ALTER TABLE rg.notification_setting
  ADD COLUMN digest text NOT NULL DEFAULT 'NONE' CHECK (digest IN ('NONE', 'DAILY', 'WEEKLY'));

-- A digest made for one person of one community for one window [window_start, window_end) of
-- Asia/Shanghai days: at most one per person, frequency and window, so that making the window's
-- digests again (another instance, a restart, a retried job) sends nothing twice. items: how many
-- notifications it lists (0: nothing to tell, nothing sent); notification_id: the e-mail it went
-- out as, delivered like every notification.
CREATE TABLE rg.notification_digest (
  community_id    uuid        NOT NULL REFERENCES rg.community (id),
  id              uuid        NOT NULL DEFAULT gen_random_uuid(),
  user_id         text        NOT NULL CHECK (length(user_id) BETWEEN 1 AND 100),
  frequency       text        NOT NULL CHECK (frequency IN ('DAILY', 'WEEKLY')),
  window_start    timestamptz NOT NULL,
  window_end      timestamptz NOT NULL,
  items           integer     NOT NULL DEFAULT 0 CHECK (items >= 0),
  notification_id uuid,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, id),
  UNIQUE (community_id, user_id, frequency, window_start),
  CHECK (window_start < window_end)
);
CALL rg.guard_tenant_table('notification_digest');
CREATE POLICY notification_digest_own ON rg.notification_digest AS RESTRICTIVE TO rg_api
  USING (user_id = (SELECT rg.current_user_id()) OR (SELECT rg.current_user_id()) = 'system')
  WITH CHECK (user_id = (SELECT rg.current_user_id()) OR (SELECT rg.current_user_id()) = 'system');
COMMENT ON TABLE rg.notification_digest IS 'Not archived: digests of notifications, which archives'
  ' leave out.';
GRANT SELECT, INSERT, UPDATE ON rg.notification_digest TO rg_api;
--rollback DROP TABLE rg.notification_digest; ALTER TABLE rg.notification_setting DROP COLUMN digest;
