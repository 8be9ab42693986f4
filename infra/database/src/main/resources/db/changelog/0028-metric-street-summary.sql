--liquibase formatted sql

--changeset rg:0028-metric-street-summary
-- What the standings need of the catalogue travels with them (min_sample: is an older snapshot
-- sufficient), and each street's summary of each metric (how many ranked, median and quartiles)
-- is one aggregate over the standings instead of one per figure.
CREATE OR REPLACE VIEW rg.metric_latest WITH (security_invoker = true) AS
SELECT c.street_id, c.id AS community_id, c.key AS community_key, c.name AS community_name,
       m.key AS metric_key, m.better, l.day, l.sample,
       (l.sample >= m.min_sample) AS sufficient,
       CASE WHEN l.sample >= m.min_sample THEN l.value END AS value,
       m.min_sample
  FROM rg.community c
 CROSS JOIN rg.metric m
  JOIN rg.metric_point l
    ON l.community_id = c.id AND l.metric_key = m.key AND l.grain = 'LATEST'
   AND l.period = date '2000-01-01';

CREATE OR REPLACE VIEW rg.metric_standing WITH (security_invoker = true) AS
SELECT l.street_id, l.community_id, l.community_key, l.community_name, l.metric_key, l.better,
       l.day, l.sample, l.sufficient, l.value,
       CASE WHEN l.value IS NOT NULL THEN
         (rank() OVER (PARTITION BY l.street_id, l.metric_key, (l.value IS NOT NULL)
                       ORDER BY CASE WHEN l.better = 'LOWER' THEN l.value ELSE -l.value END))::integer
       END AS rank,
       (count(l.value) OVER (PARTITION BY l.street_id, l.metric_key))::integer AS ranked,
       l.min_sample
  FROM rg.metric_latest l;

CREATE VIEW rg.metric_street_summary WITH (security_invoker = true) AS
SELECT s.street_id, s.metric_key,
       (count(s.value))::integer AS ranked,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY s.value) AS median,
       percentile_cont(0.25) WITHIN GROUP (ORDER BY s.value) AS lower_quartile,
       percentile_cont(0.75) WITHIN GROUP (ORDER BY s.value) AS upper_quartile
  FROM rg.metric_latest s
 GROUP BY s.street_id, s.metric_key;
GRANT SELECT ON rg.metric_street_summary TO rg_api;
--rollback DROP VIEW rg.metric_street_summary;
