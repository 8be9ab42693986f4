--liquibase formatted sql

--changeset rg:0036-change-positions-at-commit splitStatements:false
-- A change's position is given as its transaction commits, not when rg.announce runs. Until now
-- rg.announce took the next position at once and held the community's counter row until commit, so
-- every write to one community waited for the whole rest of the writes before it — the payload's
-- re-read and the commit's round trip included (reportMatter fell to 0.69x PostGraphile's bare
-- insert, 2026-12-04). Now rg.announce records the change without a position, and a deferred
-- trigger numbers the transaction's changes while it commits: the counter row is held only while
-- the commit itself completes, and positions still follow the commit order (the next transaction
-- to number changes of the community waits for this one's commit, so it sees this one's changes
-- and takes higher positions). With synchronous_commit on, that includes flushing the commit to
-- disk: one community's writes commit one after another, not in groups.
ALTER TABLE rg.change_event DROP CONSTRAINT change_event_pkey;
ALTER TABLE rg.change_event ALTER COLUMN position DROP NOT NULL;
-- the order of the changes within their transaction (and a key while the position is not given);
-- a default from a sequence, not an identity column, as no tenant table has generated columns
CREATE SEQUENCE rg.change_event_announced;
ALTER TABLE rg.change_event ADD COLUMN announced bigint NOT NULL
  DEFAULT nextval('rg.change_event_announced');
ALTER SEQUENCE rg.change_event_announced OWNED BY rg.change_event.announced;
ALTER TABLE rg.change_event ADD PRIMARY KEY (community_id, announced);
ALTER TABLE rg.change_event ADD CONSTRAINT change_event_position_key UNIQUE (community_id, position);
-- a committed change always has its position: only the committing transaction's own changes lack it
CREATE INDEX change_event_unnumbered_idx ON rg.change_event (community_id) WHERE position IS NULL;

DROP FUNCTION rg.announce(text, uuid, uuid, text, text);

-- Records a change; it is given its position and announced on rg_changes when the transaction
-- commits (rg.number_changes). The caller's tenant context must hold the community, as for writing
-- any of its rows.
CREATE FUNCTION rg.announce(p_topic text, p_community uuid, p_subject uuid, p_kind text,
                            p_recipient text DEFAULT NULL) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF p_community IS NULL OR NOT p_community = ANY (rg.allowed_community_ids()) THEN
    RAISE EXCEPTION 'community % is not in the tenant context', p_community
      USING ERRCODE = '42501';
  END IF;
  INSERT INTO rg.change_event (community_id, topic, subject_id, kind, recipient)
    VALUES (p_community, p_topic, p_subject, p_kind, p_recipient);
END
$$;
REVOKE ALL ON FUNCTION rg.announce(text, uuid, uuid, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rg.announce(text, uuid, uuid, text, text) TO rg_api;

-- Gives the committing transaction's changes their positions, community by community in the order
-- they were announced, and notifies rg_changes of each in that order (PostgreSQL delivers them
-- after the commit). The first firing in a transaction numbers them all; the others find none left.
-- Communities are taken in the order of their ids, so two transactions that announce in the same
-- communities wait for each other instead of deadlocking.
CREATE FUNCTION rg.number_changes() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  pending record;
  before bigint;
BEGIN
  FOR pending IN
    SELECT e.community_id, count(*) AS changes FROM rg.change_event e
     WHERE e.position IS NULL GROUP BY e.community_id ORDER BY e.community_id
  LOOP
    INSERT INTO rg.change_position AS counter (community, last)
      VALUES (pending.community_id, pending.changes)
      ON CONFLICT (community) DO UPDATE SET last = counter.last + pending.changes
      RETURNING counter.last - pending.changes INTO before;
    UPDATE rg.change_event e SET position = before + numbered.rank
      FROM (SELECT u.announced, row_number() OVER (ORDER BY u.announced) AS rank
              FROM rg.change_event u
             WHERE u.community_id = pending.community_id AND u.position IS NULL) numbered
     WHERE e.community_id = pending.community_id AND e.announced = numbered.announced;
    PERFORM pg_notify('rg_changes', json_build_object(
        'topic', e.topic, 'communityId', e.community_id, 'subjectId', e.subject_id,
        'kind', e.kind, 'recipient', e.recipient, 'position', e.position)::text)
      FROM (SELECT * FROM rg.change_event
             WHERE community_id = pending.community_id
               AND position > before AND position <= before + pending.changes
             ORDER BY position) e;
  END LOOP;
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION rg.number_changes() FROM PUBLIC;

CREATE CONSTRAINT TRIGGER change_event_numbered
  AFTER INSERT ON rg.change_event DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION rg.number_changes();

-- the readers never see a change without its position (only its own transaction could)
CREATE OR REPLACE FUNCTION rg.change_events_after(p_communities uuid[], p_positions bigint[],
                                                  p_others boolean)
  RETURNS TABLE (community_id uuid, event_position bigint, topic text, subject_id uuid,
                 kind text, recipient text)
  LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp
AS $$
  SELECT e.community_id, e.position, e.topic, e.subject_id, e.kind, e.recipient
    FROM rg.change_event e
    LEFT JOIN unnest(p_communities, p_positions) AS seen (community, last)
      ON seen.community = e.community_id
   WHERE e.position IS NOT NULL
     AND ((seen.community IS NOT NULL AND e.position > seen.last)
          OR (seen.community IS NULL AND p_others))
   ORDER BY e.community_id, e.position
$$;
--rollback DROP TRIGGER change_event_numbered ON rg.change_event;
--rollback DROP FUNCTION rg.number_changes();
--rollback DROP FUNCTION rg.announce(text, uuid, uuid, text, text);
--rollback DROP INDEX rg.change_event_unnumbered_idx;
--rollback ALTER TABLE rg.change_event DROP CONSTRAINT change_event_position_key;
--rollback ALTER TABLE rg.change_event DROP CONSTRAINT change_event_pkey;
--rollback ALTER TABLE rg.change_event DROP COLUMN announced;
--rollback DROP SEQUENCE IF EXISTS rg.change_event_announced;
--rollback ALTER TABLE rg.change_event ALTER COLUMN position SET NOT NULL;
--rollback ALTER TABLE rg.change_event ADD PRIMARY KEY (community_id, position);
--rollback CREATE FUNCTION rg.announce(p_topic text, p_community uuid, p_subject uuid, p_kind text, p_recipient text DEFAULT NULL) RETURNS bigint LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$ DECLARE given bigint; BEGIN IF p_community IS NULL OR NOT p_community = ANY (rg.allowed_community_ids()) THEN RAISE EXCEPTION 'community % is not in the tenant context', p_community USING ERRCODE = '42501'; END IF; INSERT INTO rg.change_position AS counter (community, last) VALUES (p_community, 1) ON CONFLICT (community) DO UPDATE SET last = counter.last + 1 RETURNING counter.last INTO given; INSERT INTO rg.change_event (community_id, position, topic, subject_id, kind, recipient) VALUES (p_community, given, p_topic, p_subject, p_kind, p_recipient); PERFORM pg_notify('rg_changes', json_build_object('topic', p_topic, 'communityId', p_community, 'subjectId', p_subject, 'kind', p_kind, 'recipient', p_recipient, 'position', given)::text); RETURN given; END $$;
--rollback REVOKE ALL ON FUNCTION rg.announce(text, uuid, uuid, text, text) FROM PUBLIC;
--rollback GRANT EXECUTE ON FUNCTION rg.announce(text, uuid, uuid, text, text) TO rg_api;
