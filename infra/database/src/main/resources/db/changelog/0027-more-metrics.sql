--liquibase formatted sql

--changeset rg:0027-more-metrics
-- The rest of the catalogue the street office asked for: party members by kind, the party's share
-- of the owners' and supervisory committees, and the course of matters (accepted, resolved,
-- verified, reopened, the slow tail, verification time, how many reporters rate). The catalogue is
-- put in the order a dashboard reads it: the roster and bodies, matters, meetings, notices, surveys.
UPDATE rg.metric SET position = position + 100;
INSERT INTO rg.metric (key, position, feature, label_zh, label_en, definition, formula, unit, better, min_sample) VALUES
('party_members_registered', 204, 'roster', '在册党员数', 'Registered party members',
 'The community''s active party members registered with its own branch (在册党员).',
 'count of party members of kind REGISTERED with status ACTIVE', 'COUNT', 'NEITHER', 0),
('party_members_in_service', 205, 'roster', '在职党员数', 'In-service party members',
 'The active party members who work elsewhere and registered with the community where they live '
 '(在职党员报到).', 'count of party members of kind IN_SERVICE with status ACTIVE', 'COUNT',
 'NEITHER', 0),
('party_members_silver', 206, 'roster', '银辉党员数', 'Silver party members',
 'The active retired party members who serve the community (银辉党员).',
 'count of party members of kind SILVER with status ACTIVE', 'COUNT', 'NEITHER', 0),
('owners_committee_party_share', 208, 'bodies', '业委会党员占比',
 'Party members on the owners'' committee',
 'Of the members sitting today on the owners'' committee (its term running today), the party '
 'members, in percent; the seed report''s 6 of 7. Committee seats are public offices.',
 '100 × party members sitting on the owners'' committee ÷ members sitting on it', 'PERCENT',
 'HIGHER', 3),
('supervisory_committee_party_share', 209, 'bodies', '居监会党员占比',
 'Party members on the supervisory committee',
 'Of the members sitting today on the residents'' supervisory committee, the party members, in '
 'percent; the seed report''s 3 of 3. Committee seats are public offices.',
 '100 × party members sitting on the supervisory committee ÷ members sitting on it', 'PERCENT',
 'HIGHER', 3),
('matters_accepted', 211, 'matters', '受理事项数', 'Matters accepted',
 'The matters the community took up (受理), whatever became of them since.',
 'count of matters whose timeline reached ACCEPTED', 'COUNT', 'NEITHER', 0),
('matters_resolved', 212, 'matters', '办结事项数', 'Matters resolved',
 'The matters resolved (办结), counted at their latest resolution.',
 'count of matters with a resolution time', 'COUNT', 'NEITHER', 0),
('matters_verified', 213, 'matters', '居监会验收数', 'Matters verified',
 'The matters the supervisory committee verified (验收).', 'count of matters with a verification time',
 'COUNT', 'NEITHER', 0),
('matters_reopened_share', 215, 'matters', '返工事项占比', 'Share of resolved matters reopened',
 'Of the matters ever resolved, those reopened at least once because the reporter or the '
 'supervisors did not accept the resolution, in percent.',
 '100 × matters whose timeline reached REOPENED ÷ matters whose timeline reached RESOLVED',
 'PERCENT', 'LOWER', 10),
('p90_hours_to_resolution', 217, 'matters', '办结时长90分位（小时）',
 '90th percentile of hours to resolution',
 'Of the matters resolved, the hours from report to resolution that nine in ten stay within: the '
 'slow tail the median hides.',
 '90th percentile of (resolved at − reported at) in hours, over resolved matters', 'HOURS',
 'LOWER', 5),
('median_hours_to_verification', 218, 'matters', '验收时长中位数（小时）',
 'Median hours to verification',
 'Of the matters verified, the median hours from report to verification by the supervisory '
 'committee.', 'median of (verified at − reported at) in hours, over verified matters', 'HOURS',
 'LOWER', 5),
('rating_response_rate', 220, 'matters', '评价率', 'Rating response rate',
 'Of the matters closed, those whose reporter rated them, in percent (the others closed '
 'unrated after the waiting time).', '100 × rated matters ÷ closed matters', 'PERCENT',
 'HIGHER', 10);
UPDATE rg.metric SET position = CASE key
  WHEN 'households' THEN 1 WHEN 'residents' THEN 2 WHEN 'party_members' THEN 3
  WHEN 'party_members_registered' THEN 4 WHEN 'party_members_in_service' THEN 5
  WHEN 'party_members_silver' THEN 6 WHEN 'party_household_share' THEN 7
  WHEN 'owners_committee_party_share' THEN 8 WHEN 'supervisory_committee_party_share' THEN 9
  WHEN 'matters_raised' THEN 10 WHEN 'matters_accepted' THEN 11 WHEN 'matters_resolved' THEN 12
  WHEN 'matters_verified' THEN 13 WHEN 'matters_overdue_share' THEN 14
  WHEN 'matters_reopened_share' THEN 15 WHEN 'median_hours_to_resolution' THEN 16
  WHEN 'p90_hours_to_resolution' THEN 17 WHEN 'median_hours_to_verification' THEN 18
  WHEN 'average_rating' THEN 19 WHEN 'rating_response_rate' THEN 20
  WHEN 'meetings_per_week' THEN 21 WHEN 'open_action_items' THEN 22
  WHEN 'overdue_action_items' THEN 23 WHEN 'notices_published' THEN 24
  WHEN 'satisfaction' THEN 25 WHEN 'satisfaction_response_rate' THEN 26 END;
-- the third kind of party member is silver (银辉), not mobile
UPDATE rg.metric SET definition = 'The community''s active party members of every kind: registered'
  || ' (在册), in-service (在职党员报到) and silver (银辉党员).' WHERE key = 'party_members';
--rollback DELETE FROM rg.metric WHERE key IN ('party_members_registered', 'party_members_in_service', 'party_members_silver', 'owners_committee_party_share', 'supervisory_committee_party_share', 'matters_accepted', 'matters_resolved', 'matters_verified', 'matters_reopened_share', 'p90_hours_to_resolution', 'median_hours_to_verification', 'rating_response_rate');
