--liquibase formatted sql

--changeset rg:0020-community-role-holder
-- Who holds which role of a community, as Keycloak's role groups say: a mirror tenant-admin keeps
-- (written with each grant and revocation it makes, and set right from Keycloak every few minutes
-- for changes made elsewhere), so that platform-api, which holds no Keycloak rights, can tell a
-- community's admins what only admins must hear and check, before a notification goes out, that
-- its recipient still holds the role it was for. A row's id is the grant: granted again after a
-- revocation, it is a new row.
CREATE TABLE rg.community_role_holder (
  community_id uuid        NOT NULL REFERENCES rg.community (id),
  id           uuid        NOT NULL DEFAULT gen_random_uuid(),
  user_id      text        NOT NULL CHECK (length(user_id) BETWEEN 1 AND 100),
  role         text        NOT NULL CHECK (role IN ('ADMIN', 'SECRETARY', 'OWNERS_COMMITTEE',
                             'SUPERVISOR', 'OWNER_REP', 'PARTY_MEMBER', 'RESIDENT')),
  granted_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, id),
  UNIQUE (community_id, user_id, role)
);
CREATE INDEX community_role_holder_role_idx ON rg.community_role_holder (community_id, role);
CALL rg.guard_tenant_table('community_role_holder');
COMMENT ON TABLE rg.community_role_holder IS 'Not archived: a mirror of Keycloak''s role groups,'
  ' which a restored community''s roles are granted anew in.';
GRANT SELECT ON rg.community_role_holder TO rg_api;
--rollback DROP TABLE rg.community_role_holder;
