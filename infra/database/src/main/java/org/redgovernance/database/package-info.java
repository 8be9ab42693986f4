/**
 * What both services stand on in PostgreSQL: the schema migrations, the database roles, the
 * per-transaction tenant context that row-level security reads, identifiers, and the jOOQ code
 * generated from the real schema (package {@code org.redgovernance.database.jooq}).
 */
package org.redgovernance.database;
