package org.redgovernance.api.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.ApiException;
import org.redgovernance.api.graphql.Page;

/**
 * An ordering of a roster connection and the keyset cursor that goes with it: the row's values in
 * the ordering's columns followed by its id, so that a page continues exactly after the last row of
 * the one before, whatever was inserted meanwhile.
 */
record RosterOrder(String field, boolean descending) {

  /** The input {@code {field, direction}}, as Spring binds it. */
  record Input(@Nullable String field, @Nullable String direction) {}

  static final RosterOrder CREATED = new RosterOrder("CREATED", false);

  static final String SEPARATOR = "\u001f";

  static RosterOrder of(@Nullable Input input) {
    if (input == null || input.field() == null) {
      return CREATED;
    }
    return new RosterOrder(input.field(), "DESC".equals(input.direction()));
  }

  /** A cursor for a row: its ordering values and id. */
  static String cursor(List<String> values, UUID id) {
    List<String> parts = new ArrayList<>(values);
    parts.add(id.toString());
    return String.join(SEPARATOR, parts);
  }

  /** The values and id inside a cursor of this ordering with {@code arity} values. */
  static @Nullable After after(@Nullable String cursor, int arity) {
    if (cursor == null) {
      return null;
    }
    String[] parts = Page.decodeCursor(cursor).split(SEPARATOR, -1);
    if (parts.length != arity + 1) {
      throw ApiException.badInput("after is not a cursor of this connection and ordering");
    }
    try {
      return new After(List.of(parts).subList(0, arity), UUID.fromString(parts[arity]));
    } catch (IllegalArgumentException e) {
      throw ApiException.badInput("after is not a cursor of this connection and ordering");
    }
  }

  /** Where the next page starts. */
  record After(List<String> values, UUID id) {}
}
