/**
 * The read model: each GraphQL object type declared once, in its feature ({@link
 * org.redgovernance.api.readmodel.ObjectModel}: the SQL of every field, relations by their join
 * keys), checked against the schema at start-up, and compiled for any selection into one statement
 * whose JSON PostgreSQL writes and the response carries unparsed ({@link
 * org.redgovernance.api.readmodel.RenderedJson}). Mutations answer the object they changed with
 * {@link org.redgovernance.api.readmodel.Changed}, read back the same way. Free of feature code:
 * features declare, this package compiles.
 */
@NullMarked
package org.redgovernance.api.readmodel;

import org.jspecify.annotations.NullMarked;
