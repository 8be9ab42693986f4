/**
 * tenant-admin's identity in Keycloak: the {@code rg-tenant-admin} service account, which may
 * manage the realm's users and groups and nothing else.
 */
package org.redgovernance.admin.identity;
