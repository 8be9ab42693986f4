/**
 * tenant-admin's identity in Keycloak: the {@code rg-tenant-admin} service account, which may
 * manage the realm's users and groups and nothing else.
 */
@NullMarked
package org.redgovernance.admin.identity;

import org.jspecify.annotations.NullMarked;
