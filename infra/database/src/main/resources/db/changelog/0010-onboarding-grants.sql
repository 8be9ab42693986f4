--liquibase formatted sql

--changeset rg:0010-onboarding-seed-grants
-- Onboarding seeds a new community's configuration (the five bodies, matter subcategories, a
-- Pioneer Post) as tenant-admin's role, through row-level security like any writer.
GRANT INSERT ON rg.service_post TO rg_admin;
--rollback REVOKE INSERT ON rg.service_post FROM rg_admin;
