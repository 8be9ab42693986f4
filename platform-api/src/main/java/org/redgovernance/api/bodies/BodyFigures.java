package org.redgovernance.api.bodies;

/**
 * How many sit on a body now and how many of them are party members: the headline figure the street
 * office reports for each body (e.g. owners' committee 6 of 7).
 */
record BodyFigures(String kind, int members, int partyMembers) {

  double partyShare() {
    return members == 0 ? 0 : (double) partyMembers / members;
  }
}
