package org.redgovernance.api.invitations;

import static org.redgovernance.database.jooq.Tables.ACCEPT_INVITATION;

import java.util.Optional;
import org.jooq.DSLContext;
import org.redgovernance.api.invitations.InvitationAcceptanceController.AcceptedInvitation;
import org.redgovernance.api.security.CommunityRole;
import org.redgovernance.database.InvitationCodes;
import org.springframework.stereotype.Repository;

/** {@code rg.accept_invitation}: the one door this service has to invitations. */
@Repository
class InvitationAcceptanceRepository {

  /** The invitation the code opens for this person, accepted; empty if it opens none. */
  Optional<AcceptedInvitation> accept(DSLContext dsl, String code, String userId, String username) {
    return dsl.selectFrom(ACCEPT_INVITATION(InvitationCodes.digest(code), userId, username))
        .fetchOptional(
            r ->
                new AcceptedInvitation(
                    r.getCommunityKey(),
                    r.getCommunityName(),
                    CommunityRole.valueOf(r.getRole()),
                    r.getStatus()));
  }
}
