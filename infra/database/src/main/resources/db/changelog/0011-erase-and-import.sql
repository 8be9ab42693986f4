--liquibase formatted sql

--changeset rg:0011-community-erased
-- ERASED: the community's data is gone (PIPL), its registry row stays with anonymous statistics.
-- exported_at / exported_rows: the last complete export, which erasing requires and checks.
ALTER TABLE rg.community DROP CONSTRAINT community_status_check;
ALTER TABLE rg.community ADD CONSTRAINT community_status_check
  CHECK (status IN ('ONBOARDING', 'ACTIVE', 'SUSPENDED', 'ARCHIVED', 'ERASED'));
ALTER TABLE rg.community ADD COLUMN exported_at timestamptz;
ALTER TABLE rg.community ADD COLUMN exported_rows jsonb;
ALTER TABLE rg.community ADD COLUMN erased_statistics jsonb;
--rollback ALTER TABLE rg.community DROP COLUMN erased_statistics; ALTER TABLE rg.community DROP COLUMN exported_rows; ALTER TABLE rg.community DROP COLUMN exported_at;

--changeset rg:0011-guard-grants-admin splitStatements:false
-- tenant-admin erases a community's rows and imports an archive into an empty community, so it
-- may read, insert and delete every tenant table — never update, and always through row-level
-- security with that one community as the tenant. Guarding a table now grants this too, so a new
-- tenant table cannot be forgotten by export, erase or import.
CREATE OR REPLACE PROCEDURE rg.guard_tenant_table(table_name text)
  LANGUAGE plpgsql
AS $$
BEGIN
  EXECUTE format('ALTER TABLE rg.%I ENABLE ROW LEVEL SECURITY', table_name);
  EXECUTE format('ALTER TABLE rg.%I FORCE ROW LEVEL SECURITY', table_name);
  EXECUTE format(
    'CREATE POLICY %I ON rg.%I'
    ' USING (community_id = ANY ((SELECT rg.allowed_community_ids())::uuid[]))'
    ' WITH CHECK (community_id = ANY ((SELECT rg.allowed_community_ids())::uuid[]))',
    table_name || '_in_scope', table_name);
  EXECUTE format('GRANT SELECT, INSERT, DELETE ON rg.%I TO rg_admin', table_name);
END
$$;
DO $$
DECLARE
  tenant_table text;
BEGIN
  FOR tenant_table IN
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'rg' AND c.relkind = 'r'
       AND EXISTS (SELECT 1 FROM pg_attribute a
                    WHERE a.attrelid = c.oid AND a.attname = 'community_id' AND NOT a.attisdropped)
  LOOP
    EXECUTE format('GRANT SELECT, INSERT, DELETE ON rg.%I TO rg_admin', tenant_table);
  END LOOP;
END
$$;
--rollback SELECT 1;
