--liquibase formatted sql

--changeset rg:0035-change-log splitStatements:false
-- Every change announced to subscriptions gets a durable, ordered identity: its community and a
-- position in that community (1, 2, 3 … in commit order), kept in rg.change_event for a while
-- (rg.events.retention). A listener that lost its connection, or a client that reconnects with the
-- position of the last event it received, reads what it missed from here instead of missing it.

-- The last position given out per community. Deliberately not a tenant table (no community_id
-- column): erasing a community leaves it, so positions never start again at 1 under a listener or
-- a client that remembers a higher one. Only the functions below touch it.
CREATE TABLE rg.change_position (
  community uuid   NOT NULL PRIMARY KEY REFERENCES rg.community (id),
  last      bigint NOT NULL CHECK (last > 0)
);

CREATE TABLE rg.change_event (
  community_id uuid        NOT NULL REFERENCES rg.community (id),
  position     bigint      NOT NULL CHECK (position > 0),
  topic        text        NOT NULL CHECK (length(topic) BETWEEN 1 AND 50),
  subject_id   uuid        NOT NULL,
  kind         text        NOT NULL CHECK (length(kind) BETWEEN 1 AND 50),
  recipient    text,
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, position)
);
CREATE INDEX change_event_recorded_idx ON rg.change_event (recorded_at);
CALL rg.guard_tenant_table('change_event');
-- read through the tenant context like every tenant table: a subscriber's own communities, the
-- listener's every community (the platform's system scope); written only by rg.announce
GRANT SELECT ON rg.change_event TO rg_api;
COMMENT ON TABLE rg.change_event IS
  'Not archived: the recent changes announced to live subscriptions, kept for rg.events.retention';

-- Records a change and announces it (delivered when the transaction commits, with its position).
-- The community's counter row stays locked until then, so positions follow the commit order. The
-- caller's tenant context must hold the community, as for writing any of its rows.
CREATE FUNCTION rg.announce(p_topic text, p_community uuid, p_subject uuid, p_kind text,
                            p_recipient text DEFAULT NULL) RETURNS bigint
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  given bigint;
BEGIN
  IF p_community IS NULL OR NOT p_community = ANY (rg.allowed_community_ids()) THEN
    RAISE EXCEPTION 'community % is not in the tenant context', p_community
      USING ERRCODE = '42501';
  END IF;
  INSERT INTO rg.change_position AS counter (community, last) VALUES (p_community, 1)
    ON CONFLICT (community) DO UPDATE SET last = counter.last + 1
    RETURNING counter.last INTO given;
  INSERT INTO rg.change_event (community_id, position, topic, subject_id, kind, recipient)
    VALUES (p_community, given, p_topic, p_subject, p_kind, p_recipient);
  PERFORM pg_notify('rg_changes', json_build_object(
    'topic', p_topic, 'communityId', p_community, 'subjectId', p_subject, 'kind', p_kind,
    'recipient', p_recipient, 'position', given)::text);
  RETURN given;
END
$$;
REVOKE ALL ON FUNCTION rg.announce(text, uuid, uuid, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rg.announce(text, uuid, uuid, text, text) TO rg_api;

-- The last position of each community of the tenant context (of the given ones among them; of all
-- when null): where a listener or a new subscription starts.
CREATE FUNCTION rg.change_positions(p_communities uuid[] DEFAULT NULL)
  RETURNS TABLE (community uuid, last bigint)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
  SELECT c.community, c.last FROM rg.change_position c
   WHERE c.community = ANY (rg.allowed_community_ids())
     AND (p_communities IS NULL OR c.community = ANY (p_communities))
$$;
REVOKE ALL ON FUNCTION rg.change_positions(uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rg.change_positions(uuid[]) TO rg_api;

-- The changes of the tenant context's communities after the given positions (p_communities[i]
-- after p_positions[i]), in order of community and position; with p_others, also every change of
-- the communities not listed. Ids only: whoever shows a change reads the object through its own
-- tenant context.
CREATE FUNCTION rg.change_events_after(p_communities uuid[], p_positions bigint[],
                                       p_others boolean)
  RETURNS TABLE (community_id uuid, event_position bigint, topic text, subject_id uuid,
                 kind text, recipient text)
  LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp
AS $$
  SELECT e.community_id, e.position, e.topic, e.subject_id, e.kind, e.recipient
    FROM rg.change_event e
    LEFT JOIN unnest(p_communities, p_positions) AS seen (community, last)
      ON seen.community = e.community_id
   WHERE (seen.community IS NOT NULL AND e.position > seen.last)
      OR (seen.community IS NULL AND p_others)
   ORDER BY e.community_id, e.position
$$;
REVOKE ALL ON FUNCTION rg.change_events_after(uuid[], bigint[], boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rg.change_events_after(uuid[], bigint[], boolean) TO rg_api;

-- Forgets the changes of the tenant context's communities recorded before a time (the retention
-- job, in the platform's system scope, on any instance).
CREATE FUNCTION rg.forget_change_events(p_before timestamptz) RETURNS integer
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
  WITH forgotten AS (DELETE FROM rg.change_event WHERE recorded_at < p_before RETURNING 1)
  SELECT count(*)::integer FROM forgotten
$$;
REVOKE ALL ON FUNCTION rg.forget_change_events(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rg.forget_change_events(timestamptz) TO rg_api;
--rollback DROP FUNCTION rg.forget_change_events(timestamptz); DROP FUNCTION rg.change_events_after(uuid[], bigint[], boolean); DROP FUNCTION rg.change_positions(uuid[]); DROP FUNCTION rg.announce(text, uuid, uuid, text, text); DROP TABLE rg.change_event; DROP TABLE rg.change_position;
