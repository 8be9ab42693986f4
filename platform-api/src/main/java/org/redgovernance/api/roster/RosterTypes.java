package org.redgovernance.api.roster;

/** GraphQL type names of the roster, as encoded in global IDs. */
final class RosterTypes {
  static final String GRID = "Grid";
  static final String BUILDING = "Building";
  static final String HOUSEHOLD = "Household";
  static final String RESIDENT = "Resident";
  static final String PARTY_MEMBER = "PartyMember";

  private RosterTypes() {}
}
