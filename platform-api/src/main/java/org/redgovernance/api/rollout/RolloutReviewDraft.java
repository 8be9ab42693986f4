package org.redgovernance.api.rollout;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.rollout.RolloutMutations.RolloutActionInput;

/**
 * A quarterly review as its form states it, checked: a quarter of the project's that has begun, a
 * review day in it or after it and not in the future, and its follow-up actions.
 */
record RolloutReviewDraft(
    String quarter,
    LocalDate reviewedOn,
    RolloutRating rating,
    String findings,
    List<Action> actions) {

  static final int MAX_FINDINGS = 5000;
  static final int MAX_ACTIONS = 50;
  static final int MAX_DESCRIPTION = 1000;
  static final int MAX_OWNER = 100;

  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

  /** A checked follow-up action. */
  record Action(String description, String ownerName, LocalDate dueOn) {}

  /** The draft of the form's fields, or the first problem found, naming its field. */
  static RolloutReviewDraft of(
      @Nullable String quarter,
      @Nullable LocalDate reviewedOn,
      @Nullable RolloutRating rating,
      @Nullable String findings,
      @Nullable List<RolloutActionInput> actions,
      LocalDate projectStartsOn,
      LocalDate today) {
    Matcher parsed = QUARTER.matcher(quarter == null ? "" : quarter.strip());
    if (!parsed.matches()) {
      throw RolloutPlan.invalid("quarter is written like 2026-Q3", "quarter");
    }
    LocalDate begins =
        LocalDate.of(
            Integer.parseInt(parsed.group(1)), 3 * Integer.parseInt(parsed.group(2)) - 2, 1);
    if (begins.isAfter(today)) {
      throw RolloutPlan.invalid("The quarter has not begun yet", "quarter");
    }
    if (begins.plusMonths(3).isBefore(projectStartsOn.plusDays(1))) {
      throw RolloutPlan.invalid("The quarter ended before the project began", "quarter");
    }
    LocalDate on = reviewedOn == null ? today : reviewedOn;
    if (on.isBefore(begins) || on.isAfter(today)) {
      throw RolloutPlan.invalid(
          "reviewedOn must be in the quarter or after it, and not after today", "reviewedOn");
    }
    if (rating == null) {
      throw RolloutPlan.invalid("rating is required", "rating");
    }
    String cleanFindings = findings == null ? "" : findings.strip();
    if (cleanFindings.length() > MAX_FINDINGS) {
      throw RolloutPlan.invalid(
          "findings must have at most " + MAX_FINDINGS + " characters", "findings");
    }
    return new RolloutReviewDraft(parsed.group(), on, rating, cleanFindings, actions(actions, on));
  }

  private static List<Action> actions(@Nullable List<RolloutActionInput> given, LocalDate on) {
    if (given == null) {
      return List.of();
    }
    if (given.size() > MAX_ACTIONS) {
      throw RolloutPlan.invalid("A review has up to " + MAX_ACTIONS + " actions", "actions");
    }
    List<Action> checked = new ArrayList<>();
    for (RolloutActionInput action : given) {
      String description = action.description() == null ? "" : action.description().strip();
      if (description.isEmpty() || description.length() > MAX_DESCRIPTION) {
        throw RolloutPlan.invalid(
            "An action's description has 1 to " + MAX_DESCRIPTION + " characters", "actions");
      }
      String owner = action.ownerName() == null ? "" : action.ownerName().strip();
      if (owner.isEmpty() || owner.length() > MAX_OWNER) {
        throw RolloutPlan.invalid(
            "An action's ownerName has 1 to " + MAX_OWNER + " characters", "actions");
      }
      if (action.dueOn() == null || action.dueOn().isBefore(on)) {
        throw RolloutPlan.invalid("An action is due on the review's day or later", "actions");
      }
      checked.add(new Action(description, owner, action.dueOn()));
    }
    return List.copyOf(checked);
  }
}
