/**
 * The real servers the integration tests run against, started once per build: the first test JVM
 * that asks starts a small daemon process holding PostgreSQL and Keycloak, later test JVMs of the
 * same Maven run reuse it, and the daemon stops both as soon as that Maven process has ended.
 */
package org.redgovernance.testing;
