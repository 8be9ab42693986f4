/**
 * The GraphQL conventions every feature uses: opaque global IDs and {@code node(id:)}, Relay
 * connections with a maximum page size, the {@code DateTime} scalar, typed errors that never show a
 * stack trace or SQL, limits against abusive documents, and a counter of SQL statements.
 */
@NullMarked
package org.redgovernance.api.graphql;

import org.jspecify.annotations.NullMarked;
