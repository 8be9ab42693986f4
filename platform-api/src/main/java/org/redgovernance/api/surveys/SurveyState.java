package org.redgovernance.api.surveys;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the survey rules look at in a survey: whether it is open now, whether it is a street's, its
 * version and its questions. The GraphQL {@code Survey} is read through the read model ({@link
 * SurveyModels}).
 */
record SurveyState(
    UUID communityId,
    UUID id,
    @Nullable UUID streetSurveyId,
    SurveyStatus status,
    int version,
    List<SurveyDraft.Question> questions) {}
