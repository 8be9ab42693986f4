--liquibase formatted sql

--changeset rg:0014-community-invitation
-- An invitation into a community is addressed to an e-mail address or a mobile number, never to
-- an account: whoever holds the code sent there accepts it with the account they sign in with (or
-- register). So an inviter names no account and learns nothing about accounts. The code itself is
-- never stored, only its SHA-256; the contact only masked (the message has gone out already).
-- Written once by tenant-admin; what becomes of it is rg.invitation_event.
CREATE TABLE rg.community_invitation (
  community_id    uuid        NOT NULL REFERENCES rg.community (id),
  id              uuid        NOT NULL,
  role            text        NOT NULL CHECK (role IN ('ADMIN', 'SECRETARY', 'OWNERS_COMMITTEE',
                                'SUPERVISOR', 'OWNER_REP', 'PARTY_MEMBER', 'RESIDENT')),
  channel         text        NOT NULL CHECK (channel IN ('EMAIL', 'PHONE')),
  sent_to         text        NOT NULL CHECK (length(sent_to) BETWEEN 1 AND 100),
  invitee_name    text        NOT NULL CHECK (length(invitee_name) <= 200),
  code_digest     bytea       NOT NULL UNIQUE CHECK (length(code_digest) = 32),
  expires_at      timestamptz NOT NULL,
  invited_by_id   text        NOT NULL,
  invited_by_name text        NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, id)
);
ALTER TABLE rg.community_invitation ENABLE ROW LEVEL SECURITY;
ALTER TABLE rg.community_invitation FORCE ROW LEVEL SECURITY;
CREATE POLICY community_invitation_in_scope ON rg.community_invitation
  USING (community_id = ANY ((SELECT rg.allowed_community_ids())::uuid[]))
  WITH CHECK (community_id = ANY ((SELECT rg.allowed_community_ids())::uuid[]));
COMMENT ON TABLE rg.community_invitation IS 'Not archived: invitations into a community, with the'
  ' digests of codes that must work once; erased with the community, never restored from an archive.';
GRANT SELECT, INSERT, DELETE ON rg.community_invitation TO rg_admin;
--rollback DROP TABLE rg.community_invitation;

--changeset rg:0014-invitation-event
-- What became of an invitation, appended, each at most once: ACCEPTED (by whom: platform-api,
-- through rg.accept_invitation), then GRANTED (tenant-admin put the account in the role group) or
-- CANCELLED (withdrawn, or its role could no longer be granted). GRANTED and CANCELLED exclude
-- each other: both are written under the invitation's advisory lock,
-- pg_advisory_xact_lock(hashtextextended('invitation:' || id, 0)).
CREATE TABLE rg.invitation_event (
  community_id  uuid        NOT NULL,
  invitation_id uuid        NOT NULL,
  kind          text        NOT NULL CHECK (kind IN ('ACCEPTED', 'GRANTED', 'CANCELLED')),
  user_id       text        NOT NULL,
  username      text        NOT NULL,
  occurred_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, invitation_id, kind),
  FOREIGN KEY (community_id, invitation_id) REFERENCES rg.community_invitation (community_id, id)
);
CREATE INDEX invitation_event_accepted_idx ON rg.invitation_event (occurred_at)
  WHERE kind = 'ACCEPTED';
ALTER TABLE rg.invitation_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE rg.invitation_event FORCE ROW LEVEL SECURITY;
CREATE POLICY invitation_event_in_scope ON rg.invitation_event
  USING (community_id = ANY ((SELECT rg.allowed_community_ids())::uuid[]))
  WITH CHECK (community_id = ANY ((SELECT rg.allowed_community_ids())::uuid[]));
COMMENT ON TABLE rg.invitation_event IS 'Not archived: what became of invitations; erased with the'
  ' community, never restored from an archive.';
GRANT SELECT, INSERT, DELETE ON rg.invitation_event TO rg_admin;
--rollback DROP TABLE rg.invitation_event;

--changeset rg:0014-accept-invitation splitStatements:false
-- The one thing platform-api may do with an invitation: accept it, by its code's digest, for the
-- signed-in person, while it is unexpired, not withdrawn and its community active. Accepting again
-- as the same person answers the same (also once expired); for anyone else a used code is as
-- unknown as a wrong one. The invitation is found by its code before its community is known, so
-- for this function's own statements the tenant context is every active community; the caller's
-- own context is put back before it returns.
CREATE FUNCTION rg.accept_invitation(code_digest bytea, user_id text, username text)
  RETURNS TABLE (community_key text, community_name text, role text, status text)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, rg
AS $$
#variable_conflict use_column
DECLARE
  callers_scope text := current_setting('rg.community_ids', true);
  invitation rg.community_invitation;
BEGIN
  PERFORM set_config('rg.community_ids',
    (SELECT coalesce(array_agg(c.id), '{}')::text FROM rg.community c WHERE c.status = 'ACTIVE'),
    true);
  SELECT i.* INTO invitation
    FROM rg.community_invitation i
   WHERE i.code_digest = accept_invitation.code_digest;
  IF invitation.id IS NOT NULL THEN
    PERFORM pg_advisory_xact_lock(hashtextextended('invitation:' || invitation.id, 0));
    IF invitation.expires_at > now() AND NOT EXISTS (
         SELECT 1 FROM rg.invitation_event e
          WHERE e.community_id = invitation.community_id AND e.invitation_id = invitation.id
            AND e.kind = 'CANCELLED') THEN
      INSERT INTO rg.invitation_event (community_id, invitation_id, kind, user_id, username)
      VALUES (invitation.community_id, invitation.id, 'ACCEPTED', accept_invitation.user_id,
              accept_invitation.username)
      ON CONFLICT DO NOTHING;
    END IF;
    RETURN QUERY
    SELECT c.key, c.name, invitation.role,
           CASE WHEN EXISTS (SELECT 1 FROM rg.invitation_event g
                              WHERE g.community_id = invitation.community_id
                                AND g.invitation_id = invitation.id AND g.kind = 'GRANTED')
                THEN 'GRANTED' ELSE 'ACCEPTED' END
      FROM rg.community c
     WHERE c.id = invitation.community_id
       AND EXISTS (SELECT 1 FROM rg.invitation_event a
                    WHERE a.community_id = invitation.community_id
                      AND a.invitation_id = invitation.id AND a.kind = 'ACCEPTED'
                      AND a.user_id = accept_invitation.user_id)
       AND NOT EXISTS (SELECT 1 FROM rg.invitation_event x
                        WHERE x.community_id = invitation.community_id
                          AND x.invitation_id = invitation.id AND x.kind = 'CANCELLED');
  END IF;
  PERFORM set_config('rg.community_ids', coalesce(callers_scope, ''), true);
END
$$;
REVOKE ALL ON FUNCTION rg.accept_invitation(bytea, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rg.accept_invitation(bytea, text, text) TO rg_api;
--rollback DROP FUNCTION rg.accept_invitation(bytea, text, text);
