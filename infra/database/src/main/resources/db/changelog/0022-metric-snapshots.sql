--liquibase formatted sql

--changeset rg:0022-metric-snapshot
-- Each community's value of each metric of the catalogue, recorded once a day (the first pass of
-- platform-api's MetricSnapshots on that Asia/Shanghai day): a figure of the past that does not
-- drift when today's data changes. as_of: when it was computed; sample: how many things it was
-- computed from. At most one per community, metric and day, however many instances record.
CREATE TABLE rg.metric_snapshot (
  community_id uuid             NOT NULL REFERENCES rg.community (id),
  id           uuid             NOT NULL DEFAULT gen_random_uuid(),
  metric_key   text             NOT NULL REFERENCES rg.metric (key),
  day          date             NOT NULL,
  value        double precision,
  sample       integer          NOT NULL CHECK (sample >= 0),
  as_of        timestamptz      NOT NULL,
  PRIMARY KEY (community_id, id),
  UNIQUE (community_id, metric_key, day)
);
CREATE INDEX metric_snapshot_day_idx ON rg.metric_snapshot (community_id, day, metric_key);
CALL rg.guard_tenant_table('metric_snapshot');
GRANT SELECT, INSERT ON rg.metric_snapshot TO rg_api;
--rollback DROP TABLE rg.metric_snapshot;
