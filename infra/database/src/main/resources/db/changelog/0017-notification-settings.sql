--liquibase formatted sql

--changeset rg:0017-notification-setting
-- A person's settings for notifications of one community, where they changed the platform's
-- defaults (no row: every default): the e-mail address their notifications go to (copied from their
-- account's verified address when they ask for it, never typed in: nobody sends the community's
-- messages to someone else's mailbox), the WeChat account (openid) their subscription messages go
-- to, and their quiet hours, in which messages on channels that reach a phone or a mailbox wait for
-- the morning. Quiet hours from = until: none.
CREATE TABLE rg.notification_setting (
  community_id   uuid        NOT NULL REFERENCES rg.community (id),
  user_id        text        NOT NULL CHECK (length(user_id) BETWEEN 1 AND 100),
  email          text        CHECK (length(email) BETWEEN 3 AND 254 AND email ~ '^[^@\s]+@[^@\s]+$'),
  wechat_open_id text        CHECK (wechat_open_id ~ '^[A-Za-z0-9_-]{6,64}$'),
  quiet_from     time        NOT NULL DEFAULT '22:00',
  quiet_until    time        NOT NULL DEFAULT '07:00',
  time_zone      text        NOT NULL DEFAULT 'Asia/Shanghai' CHECK (length(time_zone) BETWEEN 1 AND 64),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, user_id)
);
CALL rg.guard_tenant_table('notification_setting');
-- Each person's own, like their inbox: nobody reads or changes another's, whatever their role; the
-- dispatcher acts as the platform ('system').
CREATE POLICY notification_setting_own ON rg.notification_setting AS RESTRICTIVE TO rg_api
  USING (user_id = (SELECT rg.current_user_id()) OR (SELECT rg.current_user_id()) = 'system')
  WITH CHECK (user_id = (SELECT rg.current_user_id()) OR (SELECT rg.current_user_id()) = 'system');
COMMENT ON TABLE rg.notification_setting IS 'Not archived: how the community''s accounts want to be'
  ' told, with their addresses; a restored community''s people choose again.';
GRANT SELECT, INSERT, UPDATE ON rg.notification_setting TO rg_api;

-- A person's choice for one category of notifications on one channel, where it differs from the
-- category's default. Legal notices (an owners' assembly convened) are never muted: the platform
-- refuses such a row.
CREATE TABLE rg.notification_preference (
  community_id uuid        NOT NULL REFERENCES rg.community (id),
  user_id      text        NOT NULL CHECK (length(user_id) BETWEEN 1 AND 100),
  category     text        NOT NULL CHECK (category ~ '^[A-Z][A-Z_]{0,39}$'),
  channel      text        NOT NULL CHECK (channel IN ('IN_APP', 'EMAIL', 'SMS', 'WECHAT')),
  enabled      boolean     NOT NULL,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, user_id, category, channel)
);
CALL rg.guard_tenant_table('notification_preference');
CREATE POLICY notification_preference_own ON rg.notification_preference AS RESTRICTIVE TO rg_api
  USING (user_id = (SELECT rg.current_user_id()) OR (SELECT rg.current_user_id()) = 'system')
  WITH CHECK (user_id = (SELECT rg.current_user_id()) OR (SELECT rg.current_user_id()) = 'system');
COMMENT ON TABLE rg.notification_preference IS 'Not archived: how the community''s accounts want to'
  ' be told; a restored community''s people choose again.';
GRANT SELECT, INSERT, UPDATE, DELETE ON rg.notification_preference TO rg_api;

-- WeChat one-time subscription messages: each time a person accepts a template in the app, WeChat
-- allows one message of it to them. remaining counts what is left; a message takes one before it
-- goes out (and gives it back when WeChat refused it), so that no message goes without a consent.
CREATE TABLE rg.notification_wechat_consent (
  community_id uuid        NOT NULL REFERENCES rg.community (id),
  user_id      text        NOT NULL CHECK (length(user_id) BETWEEN 1 AND 100),
  template_id  text        NOT NULL CHECK (template_id ~ '^[A-Za-z0-9_-]{1,64}$'),
  remaining    integer     NOT NULL CHECK (remaining BETWEEN 0 AND 1000),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, user_id, template_id)
);
CALL rg.guard_tenant_table('notification_wechat_consent');
CREATE POLICY notification_wechat_consent_own ON rg.notification_wechat_consent AS RESTRICTIVE
  TO rg_api
  USING (user_id = (SELECT rg.current_user_id()) OR (SELECT rg.current_user_id()) = 'system')
  WITH CHECK (user_id = (SELECT rg.current_user_id()) OR (SELECT rg.current_user_id()) = 'system');
COMMENT ON TABLE rg.notification_wechat_consent IS 'Not archived: consents given to WeChat for one'
  ' account, which a restored community cannot carry over.';
GRANT SELECT, INSERT, UPDATE ON rg.notification_wechat_consent TO rg_api;
--rollback DROP TABLE rg.notification_wechat_consent; DROP TABLE rg.notification_preference; DROP TABLE rg.notification_setting;
