/**
 * The dev stack: embedded PostgreSQL (data kept in one folder), Keycloak with the dev realm,
 * platform-api and tenant-admin in one process, with the demo data loaded. Ctrl-C stops all of it.
 */
package org.redgovernance.devstack;
