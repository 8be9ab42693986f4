--liquibase formatted sql

--changeset rg:0034-metric-definitions-zh
-- Every metric's definition in Chinese too, for the street office's people, who read the dashboard
-- in Chinese first: the same rule as the English definition, word for word where it can be.
ALTER TABLE rg.metric ADD COLUMN definition_zh text;
UPDATE rg.metric SET definition_zh = d.text FROM (VALUES
  ('households', '社区花名册登记的户数。'),
  ('residents', '目前居住在社区的居民人数（不含已迁出者）。'),
  ('party_members', '社区现有党员总数，包括在册党员、在职党员（报到）和银辉党员。'),
  ('party_household_share', '有现有党员居住的户（党员户）占总户数的百分比；原始报道中为 700 余户、338 名党员。'),
  ('matters_raised', '社区收到的全部居民说事事项，不论后来如何处理。'),
  ('matters_overdue_share', '未驳回、未验收也未关闭的事项中，已过期限仍未办结的事项所占百分比。'),
  ('median_hours_to_resolution', '已办结事项从反映到办结所用小时数的中位数。'),
  ('average_rating', '反映人对已验收事项的平均评分，1 至 5 分。'),
  ('notices_published', '社区发布且未撤回的通知数。'),
  ('meetings_per_week', '统计日前八周内召开的会议（通报会、议事会等）平均每周次数。'),
  ('open_action_items', '社区会议议定的待办事项中尚未完成的件数。'),
  ('overdue_action_items', '尚未完成且已过期限的待办事项件数。'),
  ('satisfaction', '居民在社区最近一次已开始的满意度调查（社区自办或街道下发）中对 1–5 分题目的平均回答，5 分为最满意（获得感、幸福感）；答卷少于 5 人时不显示，以免认出个人。'),
  ('satisfaction_response_rate', '在社区居住的居民中，参加了最近一次已开始的满意度调查的人所占百分比。'),
  ('party_members_registered', '组织关系在本社区党组织的现有党员人数（在册党员）。'),
  ('party_members_in_service', '在外单位工作、向居住地社区报到的现有党员人数（在职党员报到）。'),
  ('party_members_silver', '服务社区的退休现有党员人数（银辉党员）。'),
  ('owners_committee_party_share', '今日在任（本届任期覆盖今日）的业主委员会委员中党员所占百分比；原始报道中为 7 人中 6 人。委员身份属公开职务。'),
  ('supervisory_committee_party_share', '今日在任的居务监督委员会委员中党员所占百分比；原始报道中为 3 人中 3 人。委员身份属公开职务。'),
  ('matters_accepted', '社区已受理的事项数，不论之后结果如何。'),
  ('matters_resolved', '已办结的事项数，按最近一次办结计。'),
  ('matters_verified', '经居务监督委员会验收的事项数。'),
  ('matters_reopened_share', '曾经办结的事项中，因反映人或监督人员不认可办理结果而至少返工一次的事项所占百分比。'),
  ('p90_hours_to_resolution', '已办结事项中，九成事项从反映到办结所用小时数都不超过的数值：中位数掩盖的慢尾。'),
  ('median_hours_to_verification', '已验收事项从反映到居务监督委员会验收所用小时数的中位数。'),
  ('rating_response_rate', '已关闭的事项中，反映人作了评价的事项所占百分比（其余在等待期满后未评价即关闭）。'),
  ('attendance_party_branch', '统计日前 90 天内召开的会议中，党组织成员的出席记录里出席者所占百分比。'),
  ('attendance_owners_committee', '统计日前 90 天内召开的会议中，业主委员会委员的出席记录里出席者所占百分比。'),
  ('attendance_supervisory_committee', '统计日前 90 天内召开的会议中，居务监督委员会委员的出席记录里出席者所占百分比。'),
  ('attendance_owner_representatives', '统计日前 90 天内召开的会议中，业主代表的出席记录里出席者所占百分比。'),
  ('attendance_party_members', '统计日前 90 天内召开的会议中，党员代表的出席记录里出席者所占百分比。')
) AS d(key, text) WHERE rg.metric.key = d.key;
ALTER TABLE rg.metric ALTER COLUMN definition_zh SET NOT NULL;
ALTER TABLE rg.metric ADD CONSTRAINT metric_definition_zh_length
  CHECK (length(definition_zh) BETWEEN 1 AND 1000);
--rollback ALTER TABLE rg.metric DROP COLUMN definition_zh;
