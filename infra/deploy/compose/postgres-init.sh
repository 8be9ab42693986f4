#!/bin/sh
# Run once by the postgres image on an empty data folder: the platform's three roles and its
# database (infra/deploy/postgres/bootstrap-roles.sql), and Keycloak's own database.
set -eu
psql -v ON_ERROR_STOP=1 --username postgres \
  -v owner_password="$RG_DB_OWNER_PASSWORD" \
  -v api_password="$RG_DB_API_PASSWORD" \
  -v admin_password="$RG_DB_ADMIN_PASSWORD" \
  -f /bootstrap/bootstrap-roles.sql
psql -v ON_ERROR_STOP=1 --username postgres -v keycloak_password="$KEYCLOAK_DB_PASSWORD" <<'SQL'
CREATE ROLE keycloak LOGIN PASSWORD :'keycloak_password';
CREATE DATABASE keycloak OWNER keycloak;
SQL
