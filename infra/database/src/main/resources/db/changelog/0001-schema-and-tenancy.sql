--liquibase formatted sql

--changeset rg:0001-roles-present runOnChange:false
--preconditions onFail:HALT onError:HALT
--precondition-sql-check expectedResult:2 SELECT count(*) FROM pg_roles WHERE rolname IN ('rg_api', 'rg_admin')
--comment: The runtime roles are made by whoever runs the cluster (bootstrap-roles.sql); the schema only grants to them.
SELECT 1;

--changeset rg:0001-schema
CREATE SCHEMA rg;
GRANT USAGE ON SCHEMA rg TO rg_api, rg_admin;
--rollback DROP SCHEMA rg CASCADE;

--changeset rg:0001-tenant-context splitStatements:false
-- Policies call it as (SELECT rg.allowed_community_ids())::uuid[]: a scalar subquery, so it is
-- evaluated once per statement (an InitPlan), not once per row.
-- The communities the current transaction may touch, as set by the application with
-- set_config('rg.community_ids', '{…}', true). Nothing set, or set in an earlier transaction
-- of a pooled connection (then it reads ''), means no community at all.
CREATE FUNCTION rg.allowed_community_ids() RETURNS uuid[]
  LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT coalesce(nullif(current_setting('rg.community_ids', true), '')::uuid[], '{}'::uuid[])
$$;

-- The acting user (Keycloak subject) of the current transaction, for audit columns.
CREATE FUNCTION rg.current_user_id() RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT nullif(current_setting('rg.user_id', true), '')
$$;

GRANT EXECUTE ON FUNCTION rg.allowed_community_ids() TO rg_api, rg_admin;
GRANT EXECUTE ON FUNCTION rg.current_user_id() TO rg_api, rg_admin;
--rollback DROP FUNCTION rg.current_user_id(); DROP FUNCTION rg.allowed_community_ids();
