package org.redgovernance.api.readmodel;

import graphql.schema.SelectedField;
import java.util.List;
import java.util.Optional;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.tenancy.AccessScope;

/**
 * How a feature answers {@code node(id:)} for its own type. Lookups receive only IDs whose
 * community is in the caller's scope, and must still apply their own visibility rules.
 */
public interface NodeLookup {

  /** The GraphQL type names this lookup serves, as encoded in {@link GlobalId}. */
  java.util.Set<String> types();

  Optional<Object> find(GlobalId id, AccessScope scope);

  /**
   * The object, knowing what the client selected of it: {@code selection} holds the fields selected
   * on the ID's type, in the order the answer writes them. A lookup may answer with {@link
   * RenderedJson} written for them; by default it answers as {@link #find(GlobalId, AccessScope)}.
   */
  default Optional<Object> find(GlobalId id, AccessScope scope, List<SelectedField> selection) {
    return find(id, scope);
  }
}
