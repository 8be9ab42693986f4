--liquibase formatted sql

--changeset rg:0025-metric-standings splitStatements:false
-- Where each community stands on each metric, in one place for every view of it: its latest
-- daily snapshot (a value only where the sample reaches the metric's minimum), its rank among
-- the ranked communities of its street (ties share a rank, the better direction first; a size
-- largest first) and how many are ranked. Security-invoker views: each reader sees the
-- communities its tenant context reaches (the street's roles: the whole street).
CREATE VIEW rg.metric_latest WITH (security_invoker = true) AS
SELECT c.street_id, c.id AS community_id, c.key AS community_key, c.name AS community_name,
       m.key AS metric_key, m.better, l.day, l.sample,
       (l.sample >= m.min_sample) AS sufficient,
       CASE WHEN l.sample >= m.min_sample THEN l.value END AS value
  FROM rg.community c
 CROSS JOIN rg.metric m
 CROSS JOIN LATERAL (SELECT s.day, s.value, s.sample FROM rg.metric_snapshot s
                      WHERE s.community_id = c.id AND s.metric_key = m.key
                      ORDER BY s.day DESC LIMIT 1) l;
GRANT SELECT ON rg.metric_latest TO rg_api;

CREATE VIEW rg.metric_standing WITH (security_invoker = true) AS
SELECT l.*,
       CASE WHEN l.value IS NOT NULL THEN
         (rank() OVER (PARTITION BY l.street_id, l.metric_key, (l.value IS NOT NULL)
                       ORDER BY CASE WHEN l.better = 'LOWER' THEN l.value ELSE -l.value END))::integer
       END AS rank,
       (count(l.value) OVER (PARTITION BY l.street_id, l.metric_key))::integer AS ranked
  FROM rg.metric_latest l;
GRANT SELECT ON rg.metric_standing TO rg_api;

-- A community's place among its street's communities, for its own staff, who may not read the
-- other communities' snapshots: the rank and how many are ranked, and the street's median and
-- quartiles only when at least 5 are ranked (fewer could give a neighbour's value away). Only the
-- communities of the caller's tenant context are answered; to rank them, the function widens the
-- context to their streets for its own query and puts it back before it returns (a function scan
-- runs to its end before the calling statement reads on, so nothing else sees the wider context).
CREATE FUNCTION rg.peer_standings()
  RETURNS TABLE (community_id uuid, metric_key text, day date, value double precision,
                 sample integer, sufficient boolean, rank integer, ranked integer,
                 median double precision, lower_quartile double precision,
                 upper_quartile double precision)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, rg
AS $$
DECLARE
  mine uuid[] := rg.allowed_community_ids();
  peers uuid[];
BEGIN
  IF cardinality(mine) = 0 THEN
    RETURN;
  END IF;
  SELECT array_agg(p.id) INTO peers
    FROM rg.community p
   WHERE p.street_id IN (SELECT c.street_id FROM rg.community c WHERE c.id = ANY (mine));
  PERFORM set_config('rg.community_ids', peers::text, true);
  RETURN QUERY
    WITH standing AS (SELECT * FROM rg.metric_standing),
         street AS (
           SELECT s.street_id, s.metric_key,
                  percentile_cont(0.5) WITHIN GROUP (ORDER BY s.value) AS median,
                  percentile_cont(0.25) WITHIN GROUP (ORDER BY s.value) AS lower_quartile,
                  percentile_cont(0.75) WITHIN GROUP (ORDER BY s.value) AS upper_quartile
             FROM standing s WHERE s.rank IS NOT NULL
            GROUP BY s.street_id, s.metric_key
           HAVING count(*) >= 5)
    SELECT s.community_id, s.metric_key, s.day, s.value, s.sample, s.sufficient, s.rank,
           s.ranked, t.median, t.lower_quartile, t.upper_quartile
      FROM standing s
      LEFT JOIN street t ON t.street_id = s.street_id AND t.metric_key = s.metric_key
     WHERE s.community_id = ANY (mine);
  PERFORM set_config('rg.community_ids', mine::text, true);
END
$$;
REVOKE ALL ON FUNCTION rg.peer_standings() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rg.peer_standings() TO rg_api;
--rollback DROP FUNCTION rg.peer_standings(); DROP VIEW rg.metric_standing; DROP VIEW rg.metric_latest;
