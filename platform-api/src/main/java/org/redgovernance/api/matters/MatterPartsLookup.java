package org.redgovernance.api.matters;

import java.util.Optional;
import java.util.Set;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.readmodel.NodeLookup;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.springframework.stereotype.Component;

/**
 * {@code node(id:)} for the parts of a matter — its comments and attachments — and for the
 * community's subcategories. A comment or attachment is answered only to a caller who may see its
 * matter, shown as the matter's own page shows it.
 */
@Component
class MatterPartsLookup implements NodeLookup {

  private final TenantTransactions transactions;
  private final MatterRepository matters;
  private final MatterFeedbackRepository feedback;
  private final MatterAttachments attachments;

  MatterPartsLookup(
      TenantTransactions transactions,
      MatterRepository matters,
      MatterFeedbackRepository feedback,
      MatterAttachments attachments) {
    this.transactions = transactions;
    this.matters = matters;
    this.feedback = feedback;
    this.attachments = attachments;
  }

  @Override
  public Set<String> types() {
    return Set.of(MatterComment.TYPE, MatterAttachment.TYPE, Matter.SUBCATEGORY_TYPE);
  }

  @Override
  public Optional<Object> find(GlobalId id, AccessScope scope) {
    Optional<ReachableCommunity> community = scope.byId(id.communityId());
    if (community.isEmpty()) {
      return Optional.empty();
    }
    return switch (id.type()) {
      case MatterComment.TYPE -> comment(id, scope, community.get()).map(Object.class::cast);
      case MatterAttachment.TYPE -> attachments.find(scope, id).map(Object.class::cast);
      default -> subcategory(id, scope, community.get());
    };
  }

  private Optional<MatterComment> comment(
      GlobalId id, AccessScope scope, ReachableCommunity community) {
    MatterVisibility visibility = MatterVisibility.of(community, scope.caller().userId());
    return transactions
        .read(
            scope.narrowedTo(community),
            dsl ->
                feedback
                    .findComment(dsl, id.communityId(), id.id())
                    .filter(c -> matters.visible(dsl, c.communityId(), c.matterId(), visibility)))
        .map(c -> c.shownTo(visibility));
  }

  private Optional<Object> subcategory(
      GlobalId id, AccessScope scope, ReachableCommunity community) {
    String wanted = id.encode();
    return transactions
        .read(scope.narrowedTo(community), dsl -> feedback.subcategories(dsl, id.communityId()))
        .stream()
        .filter(s -> s.id().equals(wanted))
        .findFirst()
        .map(Object.class::cast);
  }
}
