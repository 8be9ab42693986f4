--liquibase formatted sql

--changeset rg:0002-street
CREATE TABLE rg.street (
  id         uuid        NOT NULL PRIMARY KEY,
  key        text        NOT NULL UNIQUE CHECK (key ~ '^[a-z][a-z0-9-]{1,62}$'),
  name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  version    integer     NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE rg.street IS 'Street (sub-district) offices: reference data, readable by every service.';
GRANT SELECT ON rg.street TO rg_api;
GRANT SELECT, INSERT, UPDATE ON rg.street TO rg_admin;
--rollback DROP TABLE rg.street;

--changeset rg:0002-community
-- The tenant registry. Its own rows are guarded like tenant rows: platform-api sees only the
-- communities of the current transaction; tenant-admin and the owner see the whole registry.
CREATE TABLE rg.community (
  id         uuid        NOT NULL PRIMARY KEY,
  key        text        NOT NULL UNIQUE CHECK (key ~ '^[a-z][a-z0-9-]{1,62}$'),
  name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  street_id  uuid        NOT NULL REFERENCES rg.street (id),
  status     text        NOT NULL DEFAULT 'ONBOARDING'
                         CHECK (status IN ('ONBOARDING', 'ACTIVE', 'SUSPENDED', 'ARCHIVED')),
  version    integer     NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX community_street_idx ON rg.community (street_id);
ALTER TABLE rg.community ENABLE ROW LEVEL SECURITY;
ALTER TABLE rg.community FORCE ROW LEVEL SECURITY;
CREATE POLICY community_in_scope ON rg.community TO rg_api
  USING (id = ANY ((SELECT rg.allowed_community_ids())::uuid[]));
CREATE POLICY community_registry ON rg.community TO CURRENT_USER, rg_admin
  USING (true) WITH CHECK (true);
GRANT SELECT ON rg.community TO rg_api;
GRANT SELECT, INSERT, UPDATE ON rg.community TO rg_admin;
--rollback DROP TABLE rg.community;

--changeset rg:0002-scope-resolver splitStatements:false
-- platform-api turns the grants in a token (platform operator, street keys, community keys)
-- into community ids before it may set the tenant context, so it needs to read the registry
-- outside any context. This function answers exactly that question and nothing else.
CREATE FUNCTION rg.resolve_scope(all_communities boolean, street_keys text[], community_keys text[])
  RETURNS TABLE (id uuid, key text, name text, status text, street_id uuid, street_key text,
                 street_name text)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, rg
AS $$
  SELECT c.id, c.key, c.name, c.status, s.id, s.key, s.name
    FROM rg.community c
    JOIN rg.street s ON s.id = c.street_id
   WHERE all_communities
      OR s.key = ANY (coalesce(street_keys, '{}'))
      OR c.key = ANY (coalesce(community_keys, '{}'))
$$;
REVOKE ALL ON FUNCTION rg.resolve_scope(boolean, text[], text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rg.resolve_scope(boolean, text[], text[]) TO rg_api;
--rollback DROP FUNCTION rg.resolve_scope(boolean, text[], text[]);
