package org.redgovernance.api.notifications;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import org.jspecify.annotations.Nullable;
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
 * {@code notifications}: the caller's inbox, newest first, compiled by the read model ({@link
 * NotificationModels}) into one statement; its unread count is the connection's {@code totalCount}
 * with {@code unread: true}.
 */
@Controller
class NotificationController {

  record NotificationFilter(
      @Nullable String communityKey,
      @Nullable Boolean unread,
      @Nullable List<NotificationCategory> categories) {}

  private final ReadModel readModel;
  private final ReadPlans plans;
  private final Answers answers;

  NotificationController(ReadModel readModel, ReadPlans plans, Answers answers) {
    this.readModel = readModel;
    this.plans = plans;
    this.answers = answers;
  }

  @QueryMapping
  Object notifications(
      @Argument @Nullable NotificationFilter filter,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    NotificationFilter given = filter == null ? new NotificationFilter(null, null, null) : filter;
    List<NotificationCategory> categories =
        given.categories() == null || given.categories().isEmpty() ? null : given.categories();
    Compiled compiled =
        plans
            .compiled(
                environment,
                request ->
                    readModel.page(
                        NotificationModels.NOTIFICATIONS,
                        NotificationModels.matching(
                            scope,
                            given.communityKey(),
                            Boolean.TRUE.equals(given.unread()),
                            categories),
                        NotificationModels.NEWEST_FIRST,
                        environment.getArguments(),
                        environment.getSelectionSet().getImmediateFields(),
                        request,
                        scope.communities().size() == 1 ? scope.communities().get(0).id() : null))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "notifications cannot be compiled for this selection"));
    return compiled.answer(answers.one(compiled, scope), environment);
  }
}
