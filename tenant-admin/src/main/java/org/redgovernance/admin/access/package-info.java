/**
 * Who may do what in a community: the people holding its roles, and granting and revoking those
 * roles (membership of the Keycloak role groups {@code /communities/<key>/<role>}). Community
 * admins manage their own community, street admins every community of their street; nobody removes
 * a community's last admin. Changes reach platform-api with the next token (at most 5 minutes).
 */
@NullMarked
package org.redgovernance.admin.access;

import org.jspecify.annotations.NullMarked;
