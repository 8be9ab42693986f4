package org.redgovernance.api.rollout;

/** The rollout's GraphQL type names, as global IDs and payloads name them. */
final class RolloutTypes {

  static final String PROJECT = "RolloutProject";
  static final String PARTICIPANT = "RolloutParticipant";
  static final String REVIEW = "RolloutReview";
  static final String ACTION = "RolloutAction";
  static final String EVIDENCE = "RolloutEvidence";

  private RolloutTypes() {}
}
