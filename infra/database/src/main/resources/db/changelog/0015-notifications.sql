--liquibase formatted sql

--changeset rg:0015-notification-intent
-- The outbox of notifications: a feature that changes something writes here in the same statement
-- as the change (Write.alongside), so there is no intent without the change and no change without
-- its intent. It names who should hear of it by an audience of the subject ("the reporter of this
-- matter"), not by person: the dispatcher asks the subject's feature who that is when it expands
-- the intent, and asks again before each delivery, so that someone who lost their part meanwhile
-- gets nothing. Expanded once: the dispatcher that locks it (FOR UPDATE SKIP LOCKED) sets
-- expanded_at in the transaction that writes the notifications.
CREATE TABLE rg.notification_intent (
  community_id uuid        NOT NULL REFERENCES rg.community (id),
  id           uuid        NOT NULL DEFAULT gen_random_uuid(),
  category     text        NOT NULL CHECK (category ~ '^[A-Z][A-Z_]{0,39}$'),
  kind         text        NOT NULL CHECK (kind ~ '^[A-Z][A-Z_]{0,59}$'),
  subject_type text        NOT NULL CHECK (subject_type ~ '^[A-Z][A-Za-z]{0,39}$'),
  subject_id   uuid        NOT NULL,
  audience     text        NOT NULL CHECK (audience ~ '^[A-Z][A-Z_]{0,39}$'),
  actor_id     text        NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expanded_at  timestamptz,
  -- an intent whose expansion failed (its feature threw) waits until not_before and is given up,
  -- expanded with nobody, after the fifth failure: it never blocks the ones behind it
  failures     integer     NOT NULL DEFAULT 0 CHECK (failures >= 0),
  not_before   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, id)
);
CREATE INDEX notification_intent_waiting_idx ON rg.notification_intent (not_before)
  WHERE expanded_at IS NULL;
CALL rg.guard_tenant_table('notification_intent');
COMMENT ON TABLE rg.notification_intent IS 'Not archived: the outbox of notifications, work in'
  ' progress that a restored community must not deliver again.';
GRANT SELECT, INSERT, UPDATE ON rg.notification_intent TO rg_api;
--rollback DROP TABLE rg.notification_intent;

--changeset rg:0015-notification
-- One notification to one person (a Keycloak subject) in one community: the entry of their inbox,
-- rendered once when the intent was expanded (its title and text never name other people). At
-- most one per intent and person. Shown in the inbox once its in-app delivery went out.
CREATE TABLE rg.notification (
  community_id      uuid        NOT NULL REFERENCES rg.community (id),
  id                uuid        NOT NULL DEFAULT gen_random_uuid(),
  intent_id         uuid        NOT NULL,
  recipient_user_id text        NOT NULL CHECK (length(recipient_user_id) BETWEEN 1 AND 100),
  category          text        NOT NULL,
  kind              text        NOT NULL,
  subject_type      text        NOT NULL,
  subject_id        uuid        NOT NULL,
  -- the subject's global id, which node(id:) answers, and where the apps show it
  subject_ref       text        NOT NULL CHECK (length(subject_ref) BETWEEN 1 AND 200),
  link              text        NOT NULL CHECK (length(link) BETWEEN 1 AND 500),
  title             text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body              text        NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
  created_at        timestamptz NOT NULL,
  shown_at          timestamptz,
  read_at           timestamptz,
  PRIMARY KEY (community_id, id),
  UNIQUE (community_id, intent_id, recipient_user_id),
  FOREIGN KEY (community_id, intent_id) REFERENCES rg.notification_intent (community_id, id),
  CHECK (read_at IS NULL OR shown_at IS NOT NULL)
);
-- the inbox: one person's notifications, newest first, across their communities
CREATE INDEX notification_inbox_idx
  ON rg.notification (recipient_user_id, created_at DESC, id DESC) WHERE shown_at IS NOT NULL;
CALL rg.guard_tenant_table('notification');
-- A second wall inside the community, for the runtime role only: a person reads and marks their own
-- notifications and nobody else's, whatever their role. The dispatcher acts as the platform
-- (rg.user_id 'system', which no Keycloak subject is: those are UUIDs).
CREATE POLICY notification_own ON rg.notification AS RESTRICTIVE TO rg_api
  USING (recipient_user_id = (SELECT rg.current_user_id())
         OR (SELECT rg.current_user_id()) = 'system')
  WITH CHECK (recipient_user_id = (SELECT rg.current_user_id())
              OR (SELECT rg.current_user_id()) = 'system');
COMMENT ON TABLE rg.notification IS 'Not archived: messages about the community''s data, not the'
  ' data itself; a restored community starts with empty inboxes.';
GRANT SELECT, INSERT, UPDATE ON rg.notification TO rg_api;
--rollback DROP TABLE rg.notification;

--changeset rg:0015-notification-delivery
-- A notification on one channel, and where its delivery stands: PENDING (due at next_attempt_at),
-- SENDING (claimed by a dispatcher until lease_until; a dispatcher that died is replaced after
-- it), SENT, FAILED (tried, due again at next_attempt_at), DEAD (the last try failed), SKIPPED
-- (the recipient lost their part in the subject before it went out).
CREATE TABLE rg.notification_delivery (
  community_id    uuid        NOT NULL REFERENCES rg.community (id),
  notification_id uuid        NOT NULL,
  channel         text        NOT NULL CHECK (channel IN ('IN_APP', 'EMAIL', 'SMS', 'WECHAT')),
  status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENDING',
                                'SENT', 'FAILED', 'DEAD', 'SKIPPED')),
  attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  lease_until     timestamptz,
  provider_id     text        CHECK (length(provider_id) <= 200),
  sent_at         timestamptz,
  PRIMARY KEY (community_id, notification_id, channel),
  FOREIGN KEY (community_id, notification_id) REFERENCES rg.notification (community_id, id),
  CHECK ((status = 'SENDING') = (lease_until IS NOT NULL))
);
CREATE INDEX notification_delivery_due_idx ON rg.notification_delivery (next_attempt_at)
  WHERE status IN ('PENDING', 'FAILED');
CREATE INDEX notification_delivery_leased_idx ON rg.notification_delivery (lease_until)
  WHERE status = 'SENDING';
CALL rg.guard_tenant_table('notification_delivery');
COMMENT ON TABLE rg.notification_delivery IS 'Not archived: delivery state of notifications, which'
  ' archives leave out.';
GRANT SELECT, INSERT, UPDATE ON rg.notification_delivery TO rg_api;

-- The delivery log: every try of every delivery, appended, with what the channel said.
CREATE TABLE rg.notification_attempt (
  community_id    uuid        NOT NULL REFERENCES rg.community (id),
  notification_id uuid        NOT NULL,
  channel         text        NOT NULL,
  attempt         integer     NOT NULL CHECK (attempt >= 1),
  outcome         text        NOT NULL CHECK (outcome IN ('SENT', 'FAILED', 'SKIPPED')),
  provider_id     text        CHECK (length(provider_id) <= 200),
  detail          text        CHECK (length(detail) <= 500),
  occurred_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (community_id, notification_id, channel, attempt),
  FOREIGN KEY (community_id, notification_id, channel)
    REFERENCES rg.notification_delivery (community_id, notification_id, channel)
);
CALL rg.guard_tenant_table('notification_attempt');
COMMENT ON TABLE rg.notification_attempt IS 'Not archived: the delivery log of notifications.';
GRANT SELECT, INSERT ON rg.notification_attempt TO rg_api;
--rollback DROP TABLE rg.notification_attempt; DROP TABLE rg.notification_delivery;
