package org.redgovernance.api.matters;

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
 * {@code Community.matterFigures}, the one field of matters not yet declared in the read model
 * ({@link MatterModels} declares the rest).
 */
@Controller
class MatterController {

  private final TenantTransactions transactions;
  private final MatterFiguresRepository figures;

  MatterController(TenantTransactions transactions, MatterFiguresRepository figures) {
    this.transactions = transactions;
    this.figures = figures;
  }

  @SchemaMapping(typeName = Community.TYPE)
  MatterFigures matterFigures(
      Community community, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    ReachableCommunity reachable =
        scope
            .byId(community.id())
            .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No such community"));
    return transactions.read(
        scope.narrowedTo(reachable),
        dsl -> figures.figures(dsl, community.id(), MatterClock.today()));
  }
}
