-- What a DBA runs once per PostgreSQL cluster before the first migration (as a superuser):
--   psql -v owner_password=... -v api_password=... -v admin_password=... -f bootstrap-roles.sql
-- The dev stack and the tests do the same through LocalPostgres.
CREATE ROLE rg_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD :'owner_password';
CREATE ROLE rg_api   LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD :'api_password';
CREATE ROLE rg_admin LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD :'admin_password';
CREATE DATABASE red_governance OWNER rg_owner;
