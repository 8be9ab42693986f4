--liquibase formatted sql

--changeset rg:0029-attendance-metrics
-- How regularly each of the five bodies (五家) comes to the community's meetings: the share of its
-- members' marks that were present, over the meetings held in the ninety days before the day.
UPDATE rg.metric SET position = position + 5 WHERE position >= 24;
INSERT INTO rg.metric (key, position, feature, label_zh, label_en, definition, formula, unit, better, min_sample) VALUES
('attendance_party_branch', 24, 'meetings', '党组织出席率', 'Attendance: party branch',
 'Of the attendance marks of the party branch''s members at the meetings held in the 90 days '
 'before the day, those present, in percent.',
 '100 × PRESENT marks ÷ all marks of the body, at meetings HELD in the last 90 days', 'PERCENT',
 'HIGHER', 10),
('attendance_owners_committee', 25, 'meetings', '业委会出席率', 'Attendance: owners'' committee',
 'Of the attendance marks of the owners'' committee''s members at the meetings held in the 90 '
 'days before the day, those present, in percent.',
 '100 × PRESENT marks ÷ all marks of the body, at meetings HELD in the last 90 days', 'PERCENT',
 'HIGHER', 10),
('attendance_supervisory_committee', 26, 'meetings', '居监会出席率',
 'Attendance: supervisory committee',
 'Of the attendance marks of the supervisory committee''s members at the meetings held in the 90 '
 'days before the day, those present, in percent.',
 '100 × PRESENT marks ÷ all marks of the body, at meetings HELD in the last 90 days', 'PERCENT',
 'HIGHER', 10),
('attendance_owner_representatives', 27, 'meetings', '业主代表出席率',
 'Attendance: owners'' representatives',
 'Of the attendance marks of the owners'' representatives at the meetings held in the 90 days '
 'before the day, those present, in percent.',
 '100 × PRESENT marks ÷ all marks of the body, at meetings HELD in the last 90 days', 'PERCENT',
 'HIGHER', 10),
('attendance_party_members', 28, 'meetings', '党员代表出席率', 'Attendance: party members',
 'Of the attendance marks of the party members'' representatives at the meetings held in the 90 '
 'days before the day, those present, in percent.',
 '100 × PRESENT marks ÷ all marks of the body, at meetings HELD in the last 90 days', 'PERCENT',
 'HIGHER', 10);
--rollback DELETE FROM rg.metric WHERE key LIKE 'attendance_%'; UPDATE rg.metric SET position = position - 5 WHERE position >= 29;
