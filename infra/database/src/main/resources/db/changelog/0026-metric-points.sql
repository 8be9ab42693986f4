--liquibase formatted sql

--changeset rg:0026-metric-point splitStatements:false
-- The latest snapshot of each community and metric, and of each of its ISO weeks and calendar
-- months: what the dashboard reads (standings, weekly and monthly lines), found by key instead of
-- searched for among the days. Kept by the snapshot table's trigger, whoever writes snapshots
-- (the daily job, its catch-up, an archive's import, the demo's history); derived, so not archived.
CREATE TABLE rg.metric_point (
  community_id uuid             NOT NULL REFERENCES rg.community (id),
  metric_key   text             NOT NULL REFERENCES rg.metric (key),
  grain        text             NOT NULL CHECK (grain IN ('LATEST', 'WEEK', 'MONTH')),
  period       date             NOT NULL,
  day          date             NOT NULL,
  value        double precision,
  sample       integer          NOT NULL,
  PRIMARY KEY (community_id, metric_key, grain, period)
);
CALL rg.guard_tenant_table('metric_point');
COMMENT ON TABLE rg.metric_point IS 'Not archived: derived from rg.metric_snapshot by its trigger,'
  ' which an import of the snapshots fills again.';
-- written by the trigger as whoever writes snapshots: deleted and inserted again, never updated
GRANT SELECT, INSERT, DELETE ON rg.metric_point TO rg_api, rg_admin;

-- The period a grain's point of a day belongs to (LATEST: one for all days).
CREATE FUNCTION rg.metric_period(grain text, day date) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE grain WHEN 'WEEK' THEN date_trunc('week', day)::date
                    WHEN 'MONTH' THEN date_trunc('month', day)::date
                    ELSE date '2000-01-01' END
$$;

-- The three points a snapshot of (community, metric, day) belongs to, from the snapshots there are
-- now: each the latest snapshot of its period, or none.
CREATE FUNCTION rg.metric_points_refresh(the_community uuid, the_metric text, the_day date)
  RETURNS void
  LANGUAGE plpgsql
AS $$
DECLARE
  the_grain text;
BEGIN
  FOREACH the_grain IN ARRAY ARRAY['LATEST', 'WEEK', 'MONTH'] LOOP
    DELETE FROM rg.metric_point p
     WHERE p.community_id = the_community AND p.metric_key = the_metric
       AND p.grain = the_grain AND p.period = rg.metric_period(the_grain, the_day);
    INSERT INTO rg.metric_point (community_id, metric_key, grain, period, day, value, sample)
    SELECT s.community_id, s.metric_key, the_grain, rg.metric_period(the_grain, the_day), s.day,
           s.value, s.sample
      FROM rg.metric_snapshot s
     WHERE s.community_id = the_community AND s.metric_key = the_metric
       AND (the_grain = 'LATEST'
            OR (s.day >= rg.metric_period(the_grain, the_day)
                AND rg.metric_period(the_grain, s.day) = rg.metric_period(the_grain, the_day)))
     ORDER BY s.day DESC
     LIMIT 1;
  END LOOP;
END
$$;

CREATE FUNCTION rg.metric_snapshot_points() RETURNS trigger
  LANGUAGE plpgsql
AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM rg.metric_points_refresh(OLD.community_id, OLD.metric_key, OLD.day);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM rg.metric_points_refresh(NEW.community_id, NEW.metric_key, NEW.day);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER metric_snapshot_points AFTER INSERT OR UPDATE OR DELETE ON rg.metric_snapshot
  FOR EACH ROW EXECUTE FUNCTION rg.metric_snapshot_points();

-- the points of the snapshots already there, every community's
SELECT set_config('rg.community_ids', (SELECT coalesce(array_agg(id), '{}')::text FROM rg.community), true);
INSERT INTO rg.metric_point (community_id, metric_key, grain, period, day, value, sample)
SELECT DISTINCT ON (s.community_id, s.metric_key, g.grain, rg.metric_period(g.grain, s.day))
       s.community_id, s.metric_key, g.grain, rg.metric_period(g.grain, s.day), s.day, s.value,
       s.sample
  FROM rg.metric_snapshot s
 CROSS JOIN (VALUES ('LATEST'), ('WEEK'), ('MONTH')) AS g (grain)
 ORDER BY s.community_id, s.metric_key, g.grain, rg.metric_period(g.grain, s.day), s.day DESC;

-- the standings read the latest point instead of searching each community's days
CREATE OR REPLACE VIEW rg.metric_latest WITH (security_invoker = true) AS
SELECT c.street_id, c.id AS community_id, c.key AS community_key, c.name AS community_name,
       m.key AS metric_key, m.better, l.day, l.sample,
       (l.sample >= m.min_sample) AS sufficient,
       CASE WHEN l.sample >= m.min_sample THEN l.value END AS value
  FROM rg.community c
 CROSS JOIN rg.metric m
  JOIN rg.metric_point l
    ON l.community_id = c.id AND l.metric_key = m.key AND l.grain = 'LATEST'
   AND l.period = date '2000-01-01';
--rollback DROP TRIGGER metric_snapshot_points ON rg.metric_snapshot; DROP FUNCTION rg.metric_snapshot_points(); DROP FUNCTION rg.metric_points_refresh(uuid, text, date); DROP FUNCTION rg.metric_period(text, date); DROP TABLE rg.metric_point CASCADE;
