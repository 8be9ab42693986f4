package org.redgovernance.api.readmodel;

import java.util.function.Function;
import org.jooq.Table;

/**
 * A declared GraphQL object type by name, with the table its objects are rows of: what a relation
 * names as its target, and what a root read starts from. A feature publishes the refs of its types
 * so that another feature can point at them without reading its tables.
 *
 * @param alias the table under an alias, e.g. {@code SERVICE_POST::as}; the type's {@link
 *     ObjectModel} reads its fields from the same table
 */
public record ModelRef<T extends Table<?>>(String typeName, Function<String, T> alias) {}
