package org.redgovernance.api.rollout;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.Refusal;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.rollout.RolloutMutations.RolloutIndicatorInput;

/**
 * A project as its form states it, checked: what {@code createRolloutProject} takes, and what
 * {@code updateRolloutProject} makes of the project with its changes, so that both obey one rule.
 */
record RolloutPlan(
    String name,
    String goal,
    String ownerName,
    LocalDate startsOn,
    LocalDate targetOn,
    List<Indicator> indicators) {

  static final int MAX_NAME = 200;
  static final int MAX_GOAL = 5000;
  static final int MAX_OWNER = 100;
  static final int MAX_INDICATORS = 20;
  static final int MAX_KEY = 100;
  static final double LARGEST_TARGET = 1e9;

  /** The days a project may run between: the platform's era, not a typing slip's. */
  static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

  static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

  /**
   * A checked indicator: a metric key (whether the catalogue has it, the database says) and a
   * target.
   */
  record Indicator(String metricKey, double target) {}

  /** The plan of the form's fields, or the first problem found, naming its field. */
  static RolloutPlan of(
      @Nullable String name,
      @Nullable String goal,
      @Nullable String ownerName,
      @Nullable LocalDate startsOn,
      @Nullable LocalDate targetOn,
      @Nullable List<RolloutIndicatorInput> indicators) {
    String cleanName = name == null ? "" : name.strip();
    if (cleanName.isEmpty() || cleanName.length() > MAX_NAME) {
      throw invalid("Name must have 1 to " + MAX_NAME + " characters", "name");
    }
    String cleanGoal = goal == null ? "" : goal.strip();
    if (cleanGoal.length() > MAX_GOAL) {
      throw invalid("Goal must have at most " + MAX_GOAL + " characters", "goal");
    }
    String owner = ownerName == null ? "" : ownerName.strip();
    if (owner.isEmpty() || owner.length() > MAX_OWNER) {
      throw invalid("ownerName must have 1 to " + MAX_OWNER + " characters", "ownerName");
    }
    if (startsOn == null || startsOn.isBefore(EARLIEST) || startsOn.isAfter(LATEST)) {
      throw invalid("startsOn is a day from " + EARLIEST + " to " + LATEST, "startsOn");
    }
    if (targetOn == null || targetOn.isBefore(startsOn) || targetOn.isAfter(LATEST)) {
      throw invalid("targetOn must not be before startsOn, nor after " + LATEST, "targetOn");
    }
    return new RolloutPlan(cleanName, cleanGoal, owner, startsOn, targetOn, indicators(indicators));
  }

  private static List<Indicator> indicators(@Nullable List<RolloutIndicatorInput> given) {
    if (given == null || given.size() > MAX_INDICATORS) {
      throw invalid("Give up to " + MAX_INDICATORS + " indicators", "indicators");
    }
    List<Indicator> checked = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (RolloutIndicatorInput indicator : given) {
      String key = indicator.metricKey() == null ? "" : indicator.metricKey().strip();
      if (key.isEmpty() || key.length() > MAX_KEY) {
        throw invalid("Each indicator names a metric of the catalogue", "indicators");
      }
      if (!seen.add(key)) {
        throw invalid("The metric " + key + " is an indicator twice", "indicators");
      }
      checked.add(new Indicator(key, target(indicator.target(), "indicators")));
    }
    return List.copyOf(checked);
  }

  /** A target as the database keeps it: a finite number of at most a billion either way. */
  static double target(@Nullable Double target, String field) {
    if (target == null || !Double.isFinite(target) || Math.abs(target) > LARGEST_TARGET) {
      throw invalid("A target is a number between -1e9 and 1e9", field);
    }
    return target;
  }

  static Refusal invalid(String message, String field) {
    return Refusal.because(UserError.Code.INVALID_INPUT, message, field);
  }
}
