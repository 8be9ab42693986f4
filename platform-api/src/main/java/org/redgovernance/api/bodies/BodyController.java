package org.redgovernance.api.bodies;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.communities.Community;
import org.redgovernance.api.graphql.ApiException;
import org.redgovernance.api.graphql.ErrorCode;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.readmodel.NodeLookup;
import org.redgovernance.api.roster.RosterModels;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The governance bodies and figures of a community, readable by every role of the community: who
 * sits on the owners' committee is the residents' business. Which bodies a person sits on is part
 * of the roster and follows its access rule.
 */
@Controller
class BodyController implements NodeLookup {

  private final TenantTransactions transactions;
  private final BodyRepository bodies;
  private final Clock clock;

  BodyController(TenantTransactions transactions, BodyRepository bodies) {
    this.transactions = transactions;
    this.bodies = bodies;
    this.clock = Clock.systemDefaultZone();
  }

  @SchemaMapping(typeName = Community.TYPE, field = "bodies")
  List<GovernanceBody> bodies(
      Community community, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    AccessScope one = scope.narrowedTo(reachable(community, scope));
    return transactions.read(one, dsl -> bodies.bodies(dsl, community.id()));
  }

  @SchemaMapping(typeName = Community.TYPE, field = "figures")
  CommunityFigures figures(
      Community community, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    AccessScope one = scope.narrowedTo(reachable(community, scope));
    LocalDate today = LocalDate.now(clock);
    return transactions.read(
        one,
        dsl -> {
          BodyRepository.CommunityCounts counts = bodies.counts(dsl, community.id());
          List<BodyFigures> perBody = new ArrayList<>();
          for (GovernanceBody body : bodies.bodies(dsl, community.id())) {
            perBody.add(figuresOf(body, today));
          }
          return new CommunityFigures(
              counts.households(),
              counts.residents(),
              counts.registered() + counts.inService() + counts.silver(),
              List.of(
                  new CommunityFigures.KindCount("REGISTERED", counts.registered()),
                  new CommunityFigures.KindCount("IN_SERVICE", counts.inService()),
                  new CommunityFigures.KindCount("SILVER", counts.silver())),
              counts.householdsWithPartyMember(),
              perBody);
        });
  }

  @SchemaMapping(typeName = GovernanceBody.TYPE, field = "id")
  String id(GovernanceBody body) {
    return GlobalId.of(GovernanceBody.TYPE, body.communityId(), body.id());
  }

  @SchemaMapping(typeName = GovernanceBody.TYPE, field = "currentTerm")
  GovernanceBody.@Nullable Term currentTerm(GovernanceBody body) {
    return body.currentTerm(LocalDate.now(clock));
  }

  @SchemaMapping(typeName = GovernanceBody.TYPE, field = "figures")
  BodyFigures bodyFigures(GovernanceBody body) {
    return figuresOf(body, LocalDate.now(clock));
  }

  @SchemaMapping(typeName = "BodyMember", field = "personId")
  String personId(GovernanceBody.Member member) {
    return member.residentId() != null
        ? GlobalId.of(RosterModels.RESIDENTS.typeName(), member.communityId(), member.residentId())
        : GlobalId.of(
            RosterModels.PARTY_MEMBERS.typeName(), member.communityId(), member.partyMemberId());
  }

  @SchemaMapping(typeName = "BodyTerm", field = "current")
  boolean termIsCurrent(GovernanceBody.Term term) {
    return term.current(LocalDate.now(clock));
  }

  @SchemaMapping(typeName = "BodyFigures", field = "partyShare")
  double partyShare(BodyFigures figures) {
    return figures.partyShare();
  }

  @SchemaMapping(typeName = "CommunityFigures", field = "partyMemberHouseholdShare")
  double partyMemberHouseholdShare(CommunityFigures figures) {
    return figures.partyMemberHouseholdShare();
  }

  @Override
  public Set<String> types() {
    return Set.of(GovernanceBody.TYPE);
  }

  @Override
  public Optional<Object> find(GlobalId id, AccessScope scope) {
    return scope
        .byId(id.communityId())
        .flatMap(
            community ->
                transactions
                    .read(scope.narrowedTo(community), dsl -> bodies.bodies(dsl, community.id()))
                    .stream()
                    .filter(body -> body.id().equals(id.id()))
                    .findFirst());
  }

  private static BodyFigures figuresOf(GovernanceBody body, LocalDate today) {
    GovernanceBody.Term term = body.currentTerm(today);
    if (term == null) {
      return new BodyFigures(body.kind(), 0, 0);
    }
    List<GovernanceBody.Member> sitting =
        term.members().stream().filter(member -> member.sitting(today)).toList();
    int party = (int) sitting.stream().filter(GovernanceBody.Member::partyMember).count();
    return new BodyFigures(body.kind(), sitting.size(), party);
  }

  private static ReachableCommunity reachable(Community community, AccessScope scope) {
    return scope
        .byId(community.id())
        .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No such community"));
  }
}
