package org.redgovernance.api.invitations;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.security.Caller;
import org.redgovernance.api.security.CommunityRole;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.redgovernance.database.InvitationCodes;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Accepts an invitation for the signed-in caller. A code that is wrong, expired, withdrawn, for a
 * community that takes nobody now, or already accepted by someone else gets one answer, so that a
 * code tells nothing to anyone but its holder; accepting again as the same person is answered as
 * the first time.
 *
 * <p>The one mutation outside the command template ({@link
 * org.redgovernance.api.commands.Commands}), on purpose: its caller is not yet anyone in the
 * community, so the tenancy wall has no target to find for them, and its answer is not an object of
 * the read model. The code is the target: {@code rg.accept_invitation} finds it, checks it and
 * records the acceptance in one statement.
 */
@Controller
class InvitationAcceptanceController {

  record AcceptInvitationInput(@Nullable String code) {}

  record AcceptedInvitation(
      String communityKey, String communityName, CommunityRole role, String status) {}

  record AcceptInvitationPayload(@Nullable AcceptedInvitation invitation, List<UserError> errors) {}

  static final String UNKNOWN =
      "No such invitation: the code is wrong, expired or withdrawn, or it was accepted already."
          + " Ask whoever invited you for a new one";

  private final TenantTransactions transactions;
  private final InvitationAcceptanceRepository acceptances;

  InvitationAcceptanceController(
      TenantTransactions transactions, InvitationAcceptanceRepository acceptances) {
    this.transactions = transactions;
    this.acceptances = acceptances;
  }

  @MutationMapping
  AcceptInvitationPayload acceptInvitation(
      @Argument AcceptInvitationInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    String code = input.code() == null ? "" : input.code();
    if (!InvitationCodes.wellFormed(code)) {
      return refused(
          UserError.of(
              UserError.Code.INVALID_INPUT,
              "An invitation code: 26 letters and digits, as in the message",
              "code"));
    }
    Caller caller = scope.caller();
    Optional<AcceptedInvitation> accepted =
        transactions.write(
            scope, dsl -> acceptances.accept(dsl, code, caller.userId(), caller.username()));
    return accepted
        .map(invitation -> new AcceptInvitationPayload(invitation, List.of()))
        .orElseGet(() -> refused(UserError.of(UserError.Code.NOT_FOUND, UNKNOWN, "code")));
  }

  private static AcceptInvitationPayload refused(UserError error) {
    return new AcceptInvitationPayload(null, List.of(error));
  }
}
