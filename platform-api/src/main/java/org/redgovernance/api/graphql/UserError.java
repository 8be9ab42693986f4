package org.redgovernance.api.graphql;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A problem with a mutation's input or target, returned in its payload (not as a GraphQL error) so
 * that forms can show it next to the field it concerns. A mutation that returns one changed
 * nothing.
 */
public record UserError(Code code, String message, @Nullable List<String> field) {

  public enum Code {
    INVALID_INPUT,
    NOT_FOUND,
    FORBIDDEN,
    CONFLICT,
    DUPLICATE,
    COMMUNITY_READ_ONLY,
    COMMUNITY_REQUIRED,
    ILLEGAL_TRANSITION
  }

  public static UserError of(Code code, String message, String... field) {
    return new UserError(code, message, field.length == 0 ? null : List.of(field));
  }
}
