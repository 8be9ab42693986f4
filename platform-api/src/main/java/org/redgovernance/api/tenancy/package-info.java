/**
 * Which communities a request may touch, and the database transactions that carry that answer to
 * PostgreSQL row-level security. Wall 2 (the application) and the hand-over to wall 3 (the
 * database) of ARCHITECTURE.md live here.
 */
@NullMarked
package org.redgovernance.api.tenancy;

import org.jspecify.annotations.NullMarked;
