--liquibase formatted sql

--changeset rg:0013-resident-card-by-keys
-- 0012 left the resident's household as a join, and the planner misjudges it the same way it
-- misjudged the building: behind the row-level-security filter it expects a dozen households per
-- community and, inside a LIMIT 1 lookup, scans the community's households for the one it wants
-- instead of taking the key — 1.7 of the matter board's 3.6 ms with 500 communities, 0.2 ms with
-- 5. The household's columns as scalar subqueries leave only key lookups. Same columns, same rows:
-- a resident's household always exists and is of the same community (not null, foreign key).
CREATE OR REPLACE VIEW rg.resident_card WITH (security_invoker = true) AS
SELECT r.community_id,
       r.id,
       r.name,
       r.household_id,
       (SELECT h.building_id FROM rg.household h
         WHERE h.community_id = r.community_id AND h.id = r.household_id) AS building_id,
       (SELECT h.address FROM rg.household_card h
         WHERE h.community_id = r.community_id AND h.id = r.household_id) AS address,
       a.user_id
  FROM rg.resident r
  LEFT JOIN rg.resident_account a ON a.community_id = r.community_id AND a.resident_id = r.id;
--rollback CREATE OR REPLACE VIEW rg.resident_card WITH (security_invoker = true) AS SELECT r.community_id, r.id, r.name, r.household_id, h.building_id, (SELECT b.number FROM rg.building b WHERE b.community_id = h.community_id AND b.id = h.building_id) || '-' || h.unit || '-' || h.room AS address, a.user_id FROM rg.resident r JOIN rg.household h ON h.community_id = r.community_id AND h.id = r.household_id LEFT JOIN rg.resident_account a ON a.community_id = r.community_id AND a.resident_id = r.id;
