package org.redgovernance.api.security;

import java.util.Arrays;
import java.util.Optional;

/** A role across every community of one street, from {@code /streets/<key>/<group>}. */
public enum StreetRole {
  ADMIN("admin"),
  VIEWER("viewer");

  private final String group;

  StreetRole(String group) {
    this.group = group;
  }

  public String group() {
    return group;
  }

  static Optional<StreetRole> ofGroup(String group) {
    return Arrays.stream(values()).filter(role -> role.group.equals(group)).findFirst();
  }
}
