/**
 * Invitations into a community. An invitation is addressed to an e-mail address or a mobile number,
 * never to an account: the code sent there is accepted in platform-api ({@code acceptInvitation})
 * by whoever holds it, with the account they sign in with or register, and {@link
 * org.redgovernance.admin.invitation.InvitationGrants} then puts that account in the role group. So
 * an inviter names no account, touches no account's credentials, and learns nothing about accounts
 * outside their community: every invitation gets the same answer.
 */
@NullMarked
package org.redgovernance.admin.invitation;

import org.jspecify.annotations.NullMarked;
