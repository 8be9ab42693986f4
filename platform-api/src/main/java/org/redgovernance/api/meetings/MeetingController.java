package org.redgovernance.api.meetings;

import java.time.LocalDate;
import org.redgovernance.api.communities.Community;
import org.redgovernance.api.graphql.ApiException;
import org.redgovernance.api.graphql.ErrorCode;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Community.meetingFigures}, the one field of meetings not yet declared in the read model
 * ({@link MeetingModels} declares the rest).
 */
@Controller
class MeetingController {

  private final TenantTransactions transactions;
  private final MeetingFiguresRepository figures;

  MeetingController(TenantTransactions transactions, MeetingFiguresRepository figures) {
    this.transactions = transactions;
    this.figures = figures;
  }

  @SchemaMapping(typeName = Community.TYPE)
  MeetingFigures meetingFigures(
      Community community, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    ReachableCommunity reachable =
        scope
            .byId(community.id())
            .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No such community"));
    return transactions.read(
        scope.narrowedTo(reachable),
        dsl -> figures.figures(dsl, community.id(), LocalDate.now(MeetingPlanner.ZONE)));
  }
}
