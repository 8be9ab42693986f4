package org.redgovernance.api.notices;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.FilterValues;
import org.redgovernance.api.readmodel.Answers;
import org.redgovernance.api.readmodel.Compiled;
import org.redgovernance.api.readmodel.ReadModel;
import org.redgovernance.api.readmodel.ReadPlans;
import org.redgovernance.api.tenancy.AccessScope;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code notices}: the caller's notice boards, newest first, compiled by the read model ({@link
 * NoticeModels}) with everything selected below them into one statement.
 */
@Controller
class NoticeController {

  record NoticeFilter(
      @Nullable String communityKey,
      @Nullable List<NoticeStatus> statuses,
      @Nullable NoticeStatus status,
      @Nullable List<NoticeAudience> audiences,
      @Nullable NoticeAudience audience) {}

  private final ReadModel readModel;
  private final ReadPlans plans;
  private final Answers answers;

  NoticeController(ReadModel readModel, ReadPlans plans, Answers answers) {
    this.readModel = readModel;
    this.plans = plans;
    this.answers = answers;
  }

  @QueryMapping
  Object notices(
      @Argument @Nullable NoticeFilter filter,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    NoticeFilter given = filter == null ? new NoticeFilter(null, null, null, null, null) : filter;
    Compiled compiled =
        plans
            .compiled(
                environment,
                request ->
                    readModel.page(
                        NoticeModels.NOTICES,
                        NoticeModels.matching(
                            scope,
                            given.communityKey(),
                            FilterValues.anyOf(given.statuses(), given.status()),
                            FilterValues.anyOf(given.audiences(), given.audience())),
                        NoticeModels.NEWEST_FIRST,
                        environment.getArguments(),
                        environment.getSelectionSet().getImmediateFields(),
                        request,
                        scope.communities().size() == 1 ? scope.communities().get(0).id() : null))
            .orElseThrow(
                () -> new IllegalStateException("notices cannot be compiled for this selection"));
    return compiled.answer(answers.one(compiled, scope), environment);
  }
}
