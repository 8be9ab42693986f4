--liquibase formatted sql

--changeset rg:0019-notification-delivery-made-at
-- When the change a delivery tells of was made: the figures' delay from change to delivery
-- (sent_at - made_at) without reading the notification, which only its recipient may read.
ALTER TABLE rg.notification_delivery ADD COLUMN made_at timestamptz;
UPDATE rg.notification_delivery d SET made_at = n.created_at
  FROM rg.notification n WHERE n.community_id = d.community_id AND n.id = d.notification_id;
UPDATE rg.notification_delivery SET made_at = next_attempt_at WHERE made_at IS NULL;
ALTER TABLE rg.notification_delivery ALTER COLUMN made_at SET NOT NULL;
ALTER TABLE rg.notification_delivery ALTER COLUMN made_at SET DEFAULT now();
CREATE INDEX notification_delivery_figures_idx
  ON rg.notification_delivery (community_id, channel, status);
--rollback DROP INDEX rg.notification_delivery_figures_idx; ALTER TABLE rg.notification_delivery DROP COLUMN made_at;
