package org.redgovernance.admin.identity;

/**
 * The community roles and their Keycloak role groups under {@code /communities/<key>}, as
 * platform-api reads them: onboarding creates them, access management fills them, export, erase and
 * import save, empty and restore them.
 */
public enum CommunityRoleName {
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

  /** The group's name under the community's group, e.g. owners-committee. */
  public String groupName() {
    return group;
  }

  /**
   * How the full path of every role group of the community begins, as Keycloak lists a user's
   * groups: {@code /communities/<key>/}.
   */
  public static String communityPath(String communityKey) {
    return "/communities/" + communityKey + "/";
  }

  public String groupPath(String communityKey) {
    return "communities/" + communityKey + "/" + group;
  }
}
