// What the person may see and do in the console, from the roles their token carries: the screens
// in the menu, and on each screen the forms and buttons of what the API would let them do. The API
// decides every request by itself; this only keeps the console from offering what it would refuse.

/** @typedef {import('console-operations').Viewer} Viewer */

/**
 * The person's reach: the platform operator everything; a street's admins its communities and
 * people; a street's viewers read them; a community's admins their community's people.
 * @param {Viewer} viewer
 */
export function accessOf(viewer) {
  const operator = viewer.platformOperator;
  const streets = new Set(viewer.streetRoles.map((grant) => grant.streetKey));
  const administered = new Set(viewer.streetRoles
    .filter((grant) => grant.roles.includes('ADMIN')).map((grant) => grant.streetKey));
  const communitiesAdministered = viewer.reachableCommunities
    .filter((community) => community.myRoles.includes('ADMIN'));
  const staff = viewer.reachableCommunities
    .some((community) => community.myRoles.some((role) => role !== 'RESIDENT'));
  const administers = (streetKey) => operator || administered.has(streetKey);
  return {
    /** The screens the menu offers, by their address. */
    screens: new Set([
      ...(operator || streets.size ? ['#dashboard', '#communities'] : []),
      ...(operator || streets.size || staff ? ['#rollout'] : []),
      ...(operator || streets.size || communitiesAdministered.length ? ['#people'] : []),
      ...(operator || administered.size ? ['#audit'] : []),
    ]),
    /** Whether they run the street's communities (status, archive, onboarding, its people). */
    administers,
    /** Whether they grant and revoke roles in the community. */
    managesPeopleOf: (communityKey, streetKey) => administers(streetKey)
      || communitiesAdministered.some((community) => community.key === communityKey),
    /** The communities whose admin they are, for someone who holds no street role. */
    communitiesAdministered,
  };
}
