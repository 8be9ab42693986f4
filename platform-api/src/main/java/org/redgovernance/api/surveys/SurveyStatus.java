package org.redgovernance.api.surveys;

/** Whether a survey takes answers: from its dates and the request's time, never stored. */
enum SurveyStatus {
  SCHEDULED,
  OPEN,
  CLOSED
}
