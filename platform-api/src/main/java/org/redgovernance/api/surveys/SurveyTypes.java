package org.redgovernance.api.surveys;

/** GraphQL type names of surveys, as encoded in global IDs. */
final class SurveyTypes {
  static final String SURVEY = "Survey";

  private SurveyTypes() {}
}
