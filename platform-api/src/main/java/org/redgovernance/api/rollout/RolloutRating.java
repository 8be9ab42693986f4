package org.redgovernance.api.rollout;

/** The rating of a quarterly review (考评等次). */
enum RolloutRating {
  EXCELLENT,
  GOOD,
  PASS,
  FAIL
}
