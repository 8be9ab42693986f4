package org.redgovernance.api.surveys;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.Refusal;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.surveys.SurveyMutations.SurveyQuestionInput;

/**
 * A new survey as its form states it, checked: what {@code createSurvey} and {@code
 * launchStreetSurvey} both take, so that a community's survey and a street's obey one rule.
 */
record SurveyDraft(
    String title,
    String description,
    OffsetDateTime opensAt,
    OffsetDateTime closesAt,
    List<Question> questions) {

  static final int MAX_TITLE = 200;
  static final int MAX_DESCRIPTION = 5000;
  static final int MAX_QUESTIONS = 50;
  static final int MAX_QUESTION = 500;
  static final int MAX_OPTIONS = 20;
  static final int MAX_OPTION = 100;
  static final Duration LONGEST = Duration.ofDays(366);

  /** A checked question: its options only for CHOICE. */
  record Question(SurveyQuestionKind kind, String text, List<String> options, boolean required) {}

  /** The draft of the form's fields, or the first problem found, naming its field. */
  static SurveyDraft of(
      @Nullable String title,
      @Nullable String description,
      @Nullable OffsetDateTime opensAt,
      @Nullable OffsetDateTime closesAt,
      @Nullable List<SurveyQuestionInput> questions,
      OffsetDateTime now) {
    String cleanTitle = title == null ? "" : title.strip();
    if (cleanTitle.isEmpty() || cleanTitle.length() > MAX_TITLE) {
      throw invalid("Title must have 1 to " + MAX_TITLE + " characters", "title");
    }
    String cleanDescription = description == null ? "" : description.strip();
    if (cleanDescription.length() > MAX_DESCRIPTION) {
      throw invalid(
          "Description must have at most " + MAX_DESCRIPTION + " characters", "description");
    }
    // a minute's grace: the form's "now" was read a moment before it was sent
    if (opensAt != null && opensAt.isBefore(now.minusMinutes(1))) {
      throw invalid("opensAt must not be in the past; leave it out to open now", "opensAt");
    }
    OffsetDateTime opens = opensAt == null ? now : opensAt;
    if (closesAt == null || !closesAt.isAfter(opens) || !closesAt.isAfter(now)) {
      throw invalid("closesAt must be after opensAt and after now", "closesAt");
    }
    if (Duration.between(opens, closesAt).compareTo(LONGEST) > 0) {
      throw invalid("A survey is open for at most a year", "closesAt");
    }
    if (questions == null || questions.isEmpty() || questions.size() > MAX_QUESTIONS) {
      throw invalid("A survey has 1 to " + MAX_QUESTIONS + " questions", "questions");
    }
    List<Question> checked = new ArrayList<>();
    for (SurveyQuestionInput question : questions) {
      checked.add(question(question, "questions." + checked.size()));
    }
    return new SurveyDraft(cleanTitle, cleanDescription, opens, closesAt, List.copyOf(checked));
  }

  private static Question question(SurveyQuestionInput input, String at) {
    if (input.kind() == null) {
      throw invalid("Say how the question is answered", at + ".kind");
    }
    String text = input.text() == null ? "" : input.text().strip();
    if (text.isEmpty() || text.length() > MAX_QUESTION) {
      throw invalid("A question must have 1 to " + MAX_QUESTION + " characters", at + ".text");
    }
    List<String> options = input.options() == null ? List.of() : input.options();
    if (input.kind() != SurveyQuestionKind.CHOICE) {
      if (!options.isEmpty()) {
        throw invalid("Only a CHOICE question has options", at + ".options");
      }
      return new Question(input.kind(), text, List.of(), !Boolean.FALSE.equals(input.required()));
    }
    if (options.size() < 2 || options.size() > MAX_OPTIONS) {
      throw invalid("A CHOICE question has 2 to " + MAX_OPTIONS + " options", at + ".options");
    }
    List<String> clean = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String option : options) {
      String stripped = option == null ? "" : option.strip();
      if (stripped.isEmpty() || stripped.length() > MAX_OPTION) {
        throw invalid("An option must have 1 to " + MAX_OPTION + " characters", at + ".options");
      }
      if (!seen.add(stripped)) {
        throw invalid("The options must differ: " + stripped + " is there twice", at + ".options");
      }
      clean.add(stripped);
    }
    return new Question(
        SurveyQuestionKind.CHOICE,
        text,
        List.copyOf(clean),
        !Boolean.FALSE.equals(input.required()));
  }

  private static Refusal invalid(String message, String field) {
    return Refusal.because(UserError.Code.INVALID_INPUT, message, field);
  }
}
