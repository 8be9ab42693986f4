package org.redgovernance.api.surveys;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.Refusal;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.surveys.SurveyMutations.SurveyAnswerInput;

/**
 * One resident's answers to a survey, checked against its questions: at most one answer per
 * question, each of the question's kind and in its range, every required question answered.
 */
record SurveyBallot(List<Answer> answers) {

  static final int MAX_TEXT = 2000;

  /** One checked answer: exactly one of score, choice and text. */
  record Answer(
      int position, @Nullable Integer score, @Nullable Integer choice, @Nullable String text) {}

  static SurveyBallot of(
      List<SurveyDraft.Question> questions, @Nullable List<SurveyAnswerInput> given) {
    List<SurveyAnswerInput> inputs = given == null ? List.of() : given;
    List<Answer> answers = new ArrayList<>();
    Set<Integer> answered = new HashSet<>();
    for (SurveyAnswerInput input : inputs) {
      String at = "answers." + answers.size();
      Integer position = input.position();
      if (position == null || position < 1 || position > questions.size()) {
        throw invalid("The survey has no question " + position, at + ".position");
      }
      if (!answered.add(position)) {
        throw invalid("Question " + position + " is answered twice", at + ".position");
      }
      answers.add(answer(questions.get(position - 1), position, input, at));
    }
    for (int position = 1; position <= questions.size(); position++) {
      if (questions.get(position - 1).required() && !answered.contains(position)) {
        throw invalid("Question " + position + " must be answered", "answers");
      }
    }
    if (answers.isEmpty()) {
      throw invalid("Answer at least one question", "answers");
    }
    return new SurveyBallot(List.copyOf(answers));
  }

  private static Answer answer(
      SurveyDraft.Question question, int position, SurveyAnswerInput input, String at) {
    int given =
        (input.score() == null ? 0 : 1)
            + (input.choice() == null ? 0 : 1)
            + (input.text() == null ? 0 : 1);
    if (given != 1) {
      throw invalid("Give exactly one of score, choice and text", at);
    }
    return switch (question.kind()) {
      case SCALE -> {
        if (input.score() == null || input.score() < 1 || input.score() > 5) {
          throw invalid("Question " + position + " takes a score 1 to 5", at + ".score");
        }
        yield new Answer(position, input.score(), null, null);
      }
      case CHOICE -> {
        if (input.choice() == null
            || input.choice() < 1
            || input.choice() > question.options().size()) {
          throw invalid(
              "Question " + position + " takes a choice 1 to " + question.options().size(),
              at + ".choice");
        }
        yield new Answer(position, null, input.choice(), null);
      }
      case TEXT -> {
        String text = input.text() == null ? "" : input.text().strip();
        if (text.isEmpty() || text.length() > MAX_TEXT) {
          throw invalid(
              "Question " + position + " takes a text of 1 to " + MAX_TEXT + " characters",
              at + ".text");
        }
        yield new Answer(position, null, null, text);
      }
    };
  }

  private static Refusal invalid(String message, String field) {
    return Refusal.because(UserError.Code.INVALID_INPUT, message, field);
  }
}
