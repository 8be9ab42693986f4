/**
 * The identity wall's infrastructure: the {@code red-governance} realm definition, the dev realm
 * built on it (demo users, direct-access grants), and a launcher that runs the real Keycloak server
 * distribution for the dev stack and the integration tests.
 */
package org.redgovernance.keycloak;
