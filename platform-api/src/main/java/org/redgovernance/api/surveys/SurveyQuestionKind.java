package org.redgovernance.api.surveys;

/** How a survey question is answered. */
enum SurveyQuestionKind {
  /** A score 1 to 5. */
  SCALE,
  /** One of the question's options, numbered from 1. */
  CHOICE,
  /** Free text. */
  TEXT
}
