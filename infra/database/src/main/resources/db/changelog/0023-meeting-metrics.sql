--liquibase formatted sql

--changeset rg:0023-meeting-metrics
-- The catalogue's metrics of meetings: how often the community meets, and what its meetings left
-- to do.
INSERT INTO rg.metric (key, position, feature, label_zh, label_en, definition, formula, unit, better, min_sample) VALUES
('meetings_per_week', 10, 'meetings', '每周会议次数', 'Meetings per week',
 'The meetings held (通报会, 议事会 …) that began in the eight weeks before today, per week.',
 'count of meetings HELD that began in the last 8 whole weeks ÷ 8', 'COUNT', 'HIGHER', 0),
('open_action_items', 11, 'meetings', '未完成待办', 'Open action items',
 'The action items of the community''s meetings that are still open.',
 'count of action items with status OPEN', 'COUNT', 'NEITHER', 0),
('overdue_action_items', 12, 'meetings', '逾期待办', 'Overdue action items',
 'The open action items past their due date.',
 'count of open action items due before today', 'COUNT', 'LOWER', 0);
--rollback DELETE FROM rg.metric WHERE key IN ('meetings_per_week', 'open_action_items', 'overdue_action_items');
