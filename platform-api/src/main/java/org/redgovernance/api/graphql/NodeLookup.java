package org.redgovernance.api.graphql;

import java.util.Optional;
import org.redgovernance.api.tenancy.AccessScope;

/**
 * How a feature answers {@code node(id:)} for its own type. Lookups receive only IDs whose
 * community is in the caller's scope, and must still apply their own visibility rules.
 */
public interface NodeLookup {

  /** The GraphQL type names this lookup serves, as encoded in {@link GlobalId}. */
  java.util.Set<String> types();

  Optional<Object> find(GlobalId id, AccessScope scope);
}
