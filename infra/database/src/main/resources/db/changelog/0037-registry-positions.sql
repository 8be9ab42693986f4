--liquibase formatted sql

--changeset rg:0037-registry-positions splitStatements:false
-- Every announced change of the registry gets a durable position, 1, 2, 3 … in commit order, kept
-- in rg.registry_change: tenant-admin's listener reads there what it missed while its LISTEN
-- connection was down (and notices a gap in the positions it is told), and a console that
-- reconnects with the position of the last change it received is sent what changed meanwhile.
-- The registry changes a few times a day, so the changes are kept for good and numbered under one
-- counter row; the row is held only while a committing transaction numbers its changes.
CREATE TABLE rg.registry_position (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  last     bigint  NOT NULL CHECK (last >= 0)
);
INSERT INTO rg.registry_position (only_row, last) VALUES (true, 0);

CREATE TABLE rg.registry_change (
  position      bigint      PRIMARY KEY CHECK (position > 0),
  community_key text        NOT NULL,
  recorded_at   timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT ON rg.registry_change TO rg_admin;
COMMENT ON TABLE rg.registry_change IS
  'The registry''s announced changes in commit order (registeredCommunityChanges resumes from them)';

-- Numbers the change and announces it with its position. It runs as the transaction commits (the
-- triggers below are deferred): the counter row is locked from then until the commit completes, so
-- a later position always belongs to a later commit, and a transaction that fails to commit gives
-- its position back.
CREATE OR REPLACE FUNCTION rg.announce_registry_change() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  given bigint;
BEGIN
  UPDATE rg.registry_position SET last = last + 1 RETURNING last INTO given;
  INSERT INTO rg.registry_change (position, community_key) VALUES (given, NEW.key);
  PERFORM pg_notify('rg_registry',
                    json_build_object('communityKey', NEW.key, 'position', given)::text);
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION rg.announce_registry_change() FROM PUBLIC;

DROP TRIGGER community_status_changed ON rg.community;
DROP TRIGGER community_registered ON rg.community;

CREATE CONSTRAINT TRIGGER community_registered
  AFTER INSERT ON rg.community
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION rg.announce_registry_change();

CREATE CONSTRAINT TRIGGER community_status_changed
  AFTER UPDATE OF status ON rg.community
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION rg.announce_registry_change();
--rollback DROP TRIGGER community_status_changed ON rg.community; DROP TRIGGER community_registered ON rg.community; DROP TABLE rg.registry_change; DROP TABLE rg.registry_position;
