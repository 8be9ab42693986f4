--liquibase formatted sql

--changeset rg:0016-notification-intent-dedupe
-- Reminders a job raises on its own (a matter overdue, once a day) carry a key of what, about which
-- object and for which day: raising one again finds the key taken and adds nothing, however often
-- and on however many instances the job runs.
ALTER TABLE rg.notification_intent
  ADD COLUMN dedupe_key text CHECK (length(dedupe_key) BETWEEN 1 AND 200);
CREATE UNIQUE INDEX notification_intent_dedupe_idx ON rg.notification_intent (community_id, dedupe_key)
  WHERE dedupe_key IS NOT NULL;
--rollback DROP INDEX rg.notification_intent_dedupe_idx; ALTER TABLE rg.notification_intent DROP COLUMN dedupe_key;
