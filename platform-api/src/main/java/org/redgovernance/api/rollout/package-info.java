/**
 * The rollout of the model across a street (书记项目): the street's projects with their indicators, the
 * stage each community has reached, quarterly reviews whose figures are frozen from the daily
 * snapshots, and their follow-up actions. A project is the street's own object; what happens to one
 * community in it is that community's.
 */
@NullMarked
package org.redgovernance.api.rollout;

import org.jspecify.annotations.NullMarked;
