--liquibase formatted sql

--changeset rg:0031-street-tables splitStatements:false
-- The street's own objects (a rollout project, 书记项目): no community's rows but the street's, seen
-- by whoever reaches a community of the street and kept from everyone else by the same tenant
-- context as the tenant tables. In Citus they are reference tables, like rg.street.
CREATE FUNCTION rg.allowed_street_ids() RETURNS uuid[]
  LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT coalesce(array_agg(DISTINCT c.street_id), '{}'::uuid[])
    FROM rg.community c
   WHERE c.id = ANY ((SELECT rg.allowed_community_ids())::uuid[])
$$;
GRANT EXECUTE ON FUNCTION rg.allowed_street_ids() TO rg_api, rg_admin;

-- Every street table gets the same wall, as guard_tenant_table gives the tenant tables theirs.
CREATE PROCEDURE rg.guard_street_table(table_name text)
  LANGUAGE plpgsql
AS $$
BEGIN
  EXECUTE format('ALTER TABLE rg.%I ENABLE ROW LEVEL SECURITY', table_name);
  EXECUTE format('ALTER TABLE rg.%I FORCE ROW LEVEL SECURITY', table_name);
  EXECUTE format(
    'CREATE POLICY %I ON rg.%I'
    ' USING (street_id = ANY ((SELECT rg.allowed_street_ids())::uuid[]))'
    ' WITH CHECK (street_id = ANY ((SELECT rg.allowed_street_ids())::uuid[]))',
    table_name || '_in_street', table_name);
END
$$;

-- So that a row of a community can name the community's street, and a foreign key keep the two
-- together (a community takes part only in its own street's projects).
ALTER TABLE rg.community ADD CONSTRAINT community_street_key UNIQUE (id, street_id);
--rollback ALTER TABLE rg.community DROP CONSTRAINT community_street_key; DROP PROCEDURE rg.guard_street_table(text); DROP FUNCTION rg.allowed_street_ids();

--changeset rg:0031-street-audit-event
-- What was done to the street's own objects: append-only like rg.audit_event, read by tenant-admin.
CREATE TABLE rg.street_audit_event (
  street_id    uuid        NOT NULL REFERENCES rg.street (id),
  id           uuid        NOT NULL,
  occurred_at  timestamptz NOT NULL DEFAULT now(),
  actor_id     text        NOT NULL,
  action       text        NOT NULL,
  subject_type text        NOT NULL,
  subject_id   uuid,
  details      jsonb       NOT NULL DEFAULT '{}',
  PRIMARY KEY (street_id, id)
);
CALL rg.guard_street_table('street_audit_event');
GRANT INSERT ON rg.street_audit_event TO rg_api;
GRANT SELECT ON rg.street_audit_event TO rg_admin;
--rollback DROP TABLE rg.street_audit_event;

--changeset rg:0031-rollout-project
-- A street's project of rolling the model out (书记项目): what it is for, whose it is, when.
CREATE TABLE rg.rollout_project (
  street_id       uuid        NOT NULL REFERENCES rg.street (id),
  id              uuid        NOT NULL,
  name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  goal            text        NOT NULL DEFAULT '' CHECK (length(goal) <= 5000),
  owner_name      text        NOT NULL CHECK (length(owner_name) BETWEEN 1 AND 100),
  starts_on       date        NOT NULL,
  target_on       date        NOT NULL,
  version         integer     NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (street_id, id),
  UNIQUE (street_id, name),
  CHECK (target_on >= starts_on)
);
CALL rg.guard_street_table('rollout_project');
GRANT SELECT, INSERT, UPDATE ON rg.rollout_project TO rg_api;
GRANT SELECT ON rg.rollout_project TO rg_admin;

-- What the project is judged by: a metric of the catalogue and the value every community should
-- reach (a community may be given its own, rg.rollout_target).
CREATE TABLE rg.rollout_indicator (
  street_id  uuid             NOT NULL,
  project_id uuid             NOT NULL,
  metric_key text             NOT NULL REFERENCES rg.metric (key),
  position   integer          NOT NULL CHECK (position BETWEEN 1 AND 20),
  target     double precision NOT NULL CHECK (target BETWEEN -1e9 AND 1e9),
  PRIMARY KEY (street_id, project_id, metric_key),
  UNIQUE (street_id, project_id, position),
  FOREIGN KEY (street_id, project_id) REFERENCES rg.rollout_project (street_id, id)
);
CALL rg.guard_street_table('rollout_indicator');
GRANT SELECT, INSERT, DELETE ON rg.rollout_indicator TO rg_api;
GRANT SELECT ON rg.rollout_indicator TO rg_admin;
--rollback DROP TABLE rg.rollout_indicator; DROP TABLE rg.rollout_project;

--changeset rg:0031-rollout-participant
-- A community in a project, at a stage of it: PLANNED → ONBOARDED → PILOTING → ROUTINE → EVALUATED.
CREATE TABLE rg.rollout_participant (
  community_id uuid        NOT NULL,
  id           uuid        NOT NULL,
  street_id    uuid        NOT NULL,
  project_id   uuid        NOT NULL,
  stage        text        NOT NULL CHECK (stage IN ('PLANNED', 'ONBOARDED', 'PILOTING', 'ROUTINE',
                                                     'EVALUATED')),
  stage_on     date        NOT NULL,
  version      integer     NOT NULL DEFAULT 0,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, id),
  UNIQUE (community_id, project_id),
  FOREIGN KEY (community_id, street_id) REFERENCES rg.community (id, street_id),
  FOREIGN KEY (street_id, project_id) REFERENCES rg.rollout_project (street_id, id)
);
CREATE INDEX rollout_participant_project_idx ON rg.rollout_participant (project_id, community_id);
CALL rg.guard_tenant_table('rollout_participant');
GRANT SELECT, INSERT, UPDATE ON rg.rollout_participant TO rg_api;

-- Every stage a community reached, when, why, and who said so: append-only.
CREATE TABLE rg.rollout_stage_change (
  community_id    uuid        NOT NULL,
  id              uuid        NOT NULL,
  participant_id  uuid        NOT NULL,
  stage           text        NOT NULL CHECK (stage IN ('PLANNED', 'ONBOARDED', 'PILOTING',
                                                        'ROUTINE', 'EVALUATED')),
  changed_on      date        NOT NULL,
  note            text        NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  changed_by_id   text        NOT NULL,
  changed_by_name text        NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, id),
  FOREIGN KEY (community_id, participant_id) REFERENCES rg.rollout_participant (community_id, id)
);
CREATE INDEX rollout_stage_change_participant_idx
  ON rg.rollout_stage_change (community_id, participant_id, created_at);
CALL rg.guard_tenant_table('rollout_stage_change');
GRANT SELECT, INSERT ON rg.rollout_stage_change TO rg_api;

-- A community's own target of an indicator, in place of the project's.
CREATE TABLE rg.rollout_target (
  community_id   uuid             NOT NULL,
  participant_id uuid             NOT NULL,
  metric_key     text             NOT NULL REFERENCES rg.metric (key),
  target         double precision NOT NULL CHECK (target BETWEEN -1e9 AND 1e9),
  PRIMARY KEY (community_id, participant_id, metric_key),
  FOREIGN KEY (community_id, participant_id) REFERENCES rg.rollout_participant (community_id, id)
);
CALL rg.guard_tenant_table('rollout_target');
GRANT SELECT, INSERT, UPDATE, DELETE ON rg.rollout_target TO rg_api;
--rollback DROP TABLE rg.rollout_target; DROP TABLE rg.rollout_stage_change; DROP TABLE rg.rollout_participant;

--changeset rg:0031-rollout-review
-- A quarter's review of a community in a project: its rating and findings, and the indicators'
-- values as the snapshots had them on the review's day, frozen here (rg.rollout_review_value), so
-- that a review reads the same however the data changes afterwards.
CREATE TABLE rg.rollout_review (
  community_id   uuid        NOT NULL,
  id             uuid        NOT NULL,
  participant_id uuid        NOT NULL,
  quarter        text        NOT NULL CHECK (quarter ~ '^[0-9]{4}-Q[1-4]$'),
  reviewed_on    date        NOT NULL,
  rating         text        NOT NULL CHECK (rating IN ('EXCELLENT', 'GOOD', 'PASS', 'FAIL')),
  findings       text        NOT NULL DEFAULT '' CHECK (length(findings) <= 5000),
  reviewer_id    text        NOT NULL,
  reviewer_name  text        NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, id),
  UNIQUE (community_id, participant_id, quarter),
  FOREIGN KEY (community_id, participant_id) REFERENCES rg.rollout_participant (community_id, id)
);
CALL rg.guard_tenant_table('rollout_review');
GRANT SELECT, INSERT ON rg.rollout_review TO rg_api;

CREATE TABLE rg.rollout_review_value (
  community_id uuid             NOT NULL,
  review_id    uuid             NOT NULL,
  metric_key   text             NOT NULL REFERENCES rg.metric (key),
  position     integer          NOT NULL,
  target       double precision NOT NULL,
  day          date,
  value        double precision,
  sample       integer          NOT NULL CHECK (sample >= 0),
  sufficient   boolean          NOT NULL,
  on_target    boolean,
  PRIMARY KEY (community_id, review_id, metric_key),
  FOREIGN KEY (community_id, review_id) REFERENCES rg.rollout_review (community_id, id)
);
CALL rg.guard_tenant_table('rollout_review_value');
GRANT SELECT, INSERT ON rg.rollout_review_value TO rg_api;

-- What a review asks to be done, by whom, by when; done when done_on is set.
CREATE TABLE rg.rollout_action (
  community_id uuid        NOT NULL,
  id           uuid        NOT NULL,
  review_id    uuid        NOT NULL,
  position     integer     NOT NULL CHECK (position BETWEEN 1 AND 50),
  description  text        NOT NULL CHECK (length(description) BETWEEN 1 AND 1000),
  owner_name   text        NOT NULL CHECK (length(owner_name) BETWEEN 1 AND 100),
  due_on       date        NOT NULL,
  done_on      date,
  done_note    text        NOT NULL DEFAULT '' CHECK (length(done_note) <= 2000),
  version      integer     NOT NULL DEFAULT 0,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, id),
  UNIQUE (community_id, review_id, position),
  FOREIGN KEY (community_id, review_id) REFERENCES rg.rollout_review (community_id, id)
);
CALL rg.guard_tenant_table('rollout_action');
GRANT SELECT, INSERT, UPDATE ON rg.rollout_action TO rg_api;
--rollback DROP TABLE rg.rollout_action; DROP TABLE rg.rollout_review_value; DROP TABLE rg.rollout_review;
