--liquibase formatted sql

--changeset rg:0024-survey
-- Residents' satisfaction surveys (获得感、幸福感): a community's own, or its copy of a street-wide
-- survey (street_survey_id, the same in every community of the street it was launched in). Open
-- from opens_at until closes_at; closing early moves closes_at.
CREATE TABLE rg.survey (
  community_id     uuid        NOT NULL REFERENCES rg.community (id),
  id               uuid        NOT NULL,
  street_survey_id uuid,
  title            text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description      text        NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
  opens_at         timestamptz NOT NULL,
  closes_at        timestamptz NOT NULL,
  author_id        text        NOT NULL,
  author_name      text        NOT NULL,
  version          integer     NOT NULL DEFAULT 0,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, id),
  UNIQUE (community_id, street_survey_id),
  CHECK (closes_at > opens_at)
);
CREATE INDEX survey_newest_idx ON rg.survey (community_id, opens_at DESC, id DESC);
CALL rg.guard_tenant_table('survey');
GRANT SELECT, INSERT, UPDATE ON rg.survey TO rg_api;
GRANT SELECT ON rg.survey TO rg_admin;

-- A survey's questions, in order: a 1–5 scale, one choice of its options, or free text.
CREATE TABLE rg.survey_question (
  community_id uuid    NOT NULL,
  survey_id    uuid    NOT NULL,
  position     integer NOT NULL CHECK (position BETWEEN 1 AND 50),
  kind         text    NOT NULL CHECK (kind IN ('SCALE', 'CHOICE', 'TEXT')),
  text         text    NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
  options      text[]  NOT NULL DEFAULT '{}',
  required     boolean NOT NULL DEFAULT true,
  PRIMARY KEY (community_id, survey_id, position),
  FOREIGN KEY (community_id, survey_id) REFERENCES rg.survey (community_id, id),
  CHECK ((kind = 'CHOICE') = (cardinality(options) BETWEEN 2 AND 20)),
  CHECK (kind = 'CHOICE' OR cardinality(options) = 0)
);
CALL rg.guard_tenant_table('survey_question');
GRANT SELECT, INSERT ON rg.survey_question TO rg_api;
GRANT SELECT ON rg.survey_question TO rg_admin;

-- Who answered a survey, so that each resident answers once: no time and no link to the answers.
-- Deleting the resident deletes it.
CREATE TABLE rg.survey_participation (
  community_id uuid NOT NULL,
  survey_id    uuid NOT NULL,
  resident_id  uuid NOT NULL,
  PRIMARY KEY (community_id, survey_id, resident_id),
  FOREIGN KEY (community_id, survey_id) REFERENCES rg.survey (community_id, id),
  FOREIGN KEY (community_id, resident_id) REFERENCES rg.resident (community_id, id)
    ON DELETE CASCADE
);
CALL rg.guard_tenant_table('survey_participation');
GRANT SELECT, INSERT ON rg.survey_participation TO rg_api;
GRANT SELECT ON rg.survey_participation TO rg_admin;

-- The answers, each alone: no respondent, no time, no order (random ids), so that no query can
-- put one person's answers together or name whose they are. Results are aggregates of these.
CREATE TABLE rg.survey_answer (
  community_id uuid    NOT NULL,
  id           uuid    NOT NULL DEFAULT gen_random_uuid(),
  survey_id    uuid    NOT NULL,
  position     integer NOT NULL,
  score        integer CHECK (score BETWEEN 1 AND 5),
  choice       integer CHECK (choice BETWEEN 1 AND 20),
  text         text    CHECK (length(text) BETWEEN 1 AND 2000),
  PRIMARY KEY (community_id, id),
  FOREIGN KEY (community_id, survey_id, position)
    REFERENCES rg.survey_question (community_id, survey_id, position),
  CHECK (num_nonnulls(score, choice, text) = 1)
);
CREATE INDEX survey_answer_question_idx ON rg.survey_answer (community_id, survey_id, position);
CALL rg.guard_tenant_table('survey_answer');
GRANT SELECT, INSERT ON rg.survey_answer TO rg_api;
GRANT SELECT ON rg.survey_answer TO rg_admin;
--rollback DROP TABLE rg.survey_answer; DROP TABLE rg.survey_participation; DROP TABLE rg.survey_question; DROP TABLE rg.survey;

--changeset rg:0024-satisfaction-metrics
-- The catalogue's metrics of surveys: what residents say of their community, and how many said it.
INSERT INTO rg.metric (key, position, feature, label_zh, label_en, definition, formula, unit, better, min_sample) VALUES
('satisfaction', 13, 'surveys', '居民满意度', 'Residents'' satisfaction',
 'The residents'' average answer to the 1–5 questions of the community''s latest survey that has '
 'opened (its own or its copy of the street''s), 5 the most satisfied (获得感、幸福感); not shown '
 'under 5 respondents, who could be recognised.',
 'mean of the 1–5 answers of the latest opened survey; sample: its respondents', 'SCORE',
 'HIGHER', 5),
('satisfaction_response_rate', 14, 'surveys', '满意度调查参与率', 'Survey response rate',
 'Of the residents who live in the community, those who answered its latest survey that has '
 'opened, in percent.',
 '100 × respondents of the latest opened survey ÷ residents with status ACTIVE', 'PERCENT',
 'HIGHER', 20);
--rollback DELETE FROM rg.metric WHERE key IN ('satisfaction', 'satisfaction_response_rate');
