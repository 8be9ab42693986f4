/**
 * A community's complete data as a portable archive: a zip with a manifest, one JSON-lines file per
 * tenant table (in the order their foreign keys need for loading) and an xlsx summary, streamed
 * from the database to the client row by row, never whole in memory.
 */
@NullMarked
package org.redgovernance.admin.archive;

import org.jspecify.annotations.NullMarked;
