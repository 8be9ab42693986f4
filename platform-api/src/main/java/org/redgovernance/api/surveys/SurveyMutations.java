package org.redgovernance.api.surveys;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Inputs of the survey mutations; their payloads are {@code Commands}'. */
final class SurveyMutations {

  private SurveyMutations() {}

  record SurveyQuestionInput(
      @Nullable SurveyQuestionKind kind,
      @Nullable String text,
      @Nullable List<String> options,
      @Nullable Boolean required) {}

  record CreateSurveyInput(
      @Nullable String communityKey,
      @Nullable String title,
      @Nullable String description,
      @Nullable OffsetDateTime opensAt,
      @Nullable OffsetDateTime closesAt,
      @Nullable List<SurveyQuestionInput> questions) {}

  record LaunchStreetSurveyInput(
      @Nullable String streetKey,
      @Nullable String title,
      @Nullable String description,
      @Nullable OffsetDateTime opensAt,
      @Nullable OffsetDateTime closesAt,
      @Nullable List<SurveyQuestionInput> questions) {}

  record SurveyAnswerInput(
      @Nullable Integer position,
      @Nullable Integer score,
      @Nullable Integer choice,
      @Nullable String text) {}

  record AnswerSurveyInput(@Nullable String id, @Nullable List<SurveyAnswerInput> answers) {}

  record CloseSurveyInput(@Nullable String id, @Nullable Integer expectedVersion) {}
}
