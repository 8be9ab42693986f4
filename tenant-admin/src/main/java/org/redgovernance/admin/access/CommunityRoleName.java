package org.redgovernance.admin.access;

/** The community roles and their Keycloak role groups, as platform-api reads them. */
enum CommunityRoleName {
  ADMIN("admin"),
  SECRETARY("secretary"),
  OWNERS_COMMITTEE("owners-committee"),
  SUPERVISOR("supervisor"),
  OWNER_REP("owner-rep"),
  PARTY_MEMBER("party-member"),
  RESIDENT("resident");

  private final String group;

  CommunityRoleName(String group) {
    this.group = group;
  }

  String groupPath(String communityKey) {
    return "communities/" + communityKey + "/" + group;
  }
}
