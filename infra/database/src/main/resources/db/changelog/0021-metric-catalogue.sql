--liquibase formatted sql

--changeset rg:0021-metric-catalogue
-- The catalogue of the figures the street office compares communities on: one definition per
-- metric, which every view of it uses (the same label always the same number). Each metric's
-- computation is declared by the feature it comes from (platform-api's MetricSource beans, one per
-- key, checked against this table at start); values below min_sample are "insufficient data", not
-- ranked. Not a tenant table: the same for every community.
CREATE TABLE rg.metric (
  key        text    PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9_]{1,62}$'),
  position   integer NOT NULL UNIQUE,
  feature    text    NOT NULL CHECK (feature ~ '^[a-z]{2,30}$'),
  label_zh   text    NOT NULL CHECK (length(label_zh) BETWEEN 1 AND 50),
  label_en   text    NOT NULL CHECK (length(label_en) BETWEEN 1 AND 100),
  definition text    NOT NULL CHECK (length(definition) BETWEEN 1 AND 1000),
  formula    text    NOT NULL CHECK (length(formula) BETWEEN 1 AND 500),
  unit       text    NOT NULL CHECK (unit IN ('COUNT', 'PERCENT', 'HOURS', 'SCORE')),
  better     text    NOT NULL CHECK (better IN ('HIGHER', 'LOWER', 'NEITHER')),
  min_sample integer NOT NULL CHECK (min_sample >= 0)
);
GRANT SELECT ON rg.metric TO rg_api, rg_admin;

INSERT INTO rg.metric (key, position, feature, label_zh, label_en, definition, formula, unit, better, min_sample) VALUES
('households', 1, 'roster', '户数', 'Households',
 'The households of the community''s roster.', 'count of households', 'COUNT', 'NEITHER', 0),
('residents', 2, 'roster', '居民数', 'Residents',
 'The residents who live in the community now (not those who moved out).',
 'count of residents with status ACTIVE', 'COUNT', 'NEITHER', 0),
('party_members', 3, 'roster', '党员数', 'Party members',
 'The community''s active party members of every kind: registered, in-service (在职党员) and mobile.',
 'count of party members with status ACTIVE', 'COUNT', 'NEITHER', 0),
('party_household_share', 4, 'roster', '党员户占比', 'Share of households with a party member',
 'Of the households, those where an active party member lives (党员户), in percent; the seed '
 'report''s 338 members in 700-odd households.',
 '100 × households with a resident who is an active party member ÷ households', 'PERCENT',
 'HIGHER', 20),
('matters_raised', 5, 'matters', '居民说事数', 'Matters raised',
 'Every matter raised in the community (居民说事), whatever became of it.', 'count of matters',
 'COUNT', 'NEITHER', 0),
('matters_overdue_share', 6, 'matters', '逾期事项占比', 'Share of open matters overdue',
 'Of the matters neither rejected, verified nor closed, those past their due date and not '
 'resolved, in percent.', '100 × overdue matters ÷ open matters', 'PERCENT', 'LOWER', 10),
('median_hours_to_resolution', 7, 'matters', '办结时长中位数（小时）',
 'Median hours to resolution',
 'Of the matters resolved, the median hours from report to resolution.',
 'median of (resolved at − reported at) in hours, over resolved matters', 'HOURS', 'LOWER', 5),
('average_rating', 8, 'matters', '居民评价均分', 'Average rating',
 'The reporters'' average rating of their verified matters, 1 to 5.',
 'mean of ratings, over rated matters', 'SCORE', 'HIGHER', 5),
('notices_published', 9, 'notices', '发布通知数', 'Notices published',
 'The notices the community published and did not withdraw.',
 'count of notices with status PUBLISHED', 'COUNT', 'NEITHER', 0);
--rollback DROP TABLE rg.metric;
