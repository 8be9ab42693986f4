--liquibase formatted sql

--changeset rg:0033-registry-announcements splitStatements:false
-- Every change of a community's status, whoever makes it (tenant-admin's lifecycle, onboarding,
-- erasure, import, or an operator's script), is announced on the channel rg_registry when its
-- transaction commits: the key only, so that a listener reads the registry entry as it is then.
-- tenant-admin's registeredCommunityChanges subscription is fed from it.
CREATE FUNCTION rg.announce_registry_change() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('rg_registry', json_build_object('communityKey', NEW.key)::text);
  RETURN NULL;
END
$$;

CREATE TRIGGER community_registered
  AFTER INSERT ON rg.community
  FOR EACH ROW EXECUTE FUNCTION rg.announce_registry_change();

CREATE TRIGGER community_status_changed
  AFTER UPDATE OF status ON rg.community
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION rg.announce_registry_change();
--rollback DROP TRIGGER community_status_changed ON rg.community; DROP TRIGGER community_registered ON rg.community; DROP FUNCTION rg.announce_registry_change();
