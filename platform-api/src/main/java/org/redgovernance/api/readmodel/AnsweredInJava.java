package org.redgovernance.api.readmodel;

import java.util.Set;

/**
 * Object types that are no rows of the database, answered by Java resolvers: declared by their
 * feature as a bean, with the reason. {@link ReadModel#problems} refuses an object type of the
 * schema that is neither declared, nor answered in Java with a reason, nor part of a mutation's or
 * a subscription's answer.
 */
public record AnsweredInJava(Set<String> typeNames, String reason) {

  public AnsweredInJava {
    typeNames = Set.copyOf(typeNames);
    if (reason.isBlank()) {
      throw new IllegalArgumentException("Say why " + typeNames + " are answered in Java");
    }
  }

  public static AnsweredInJava types(String reason, String... typeNames) {
    return new AnsweredInJava(Set.of(typeNames), reason);
  }
}
