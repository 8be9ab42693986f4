package org.redgovernance.admin.identity;

import java.util.Optional;
import org.redgovernance.admin.identity.KeycloakAdmin.Account;
import org.redgovernance.admin.identity.KeycloakAdmin.KeycloakUser;
import org.springframework.stereotype.Component;

/**
 * The account of a new community's first admin, whom the street office names when it onboards the
 * community — found or made so that onboarding can take over nobody else's. A username nobody has
 * gets a new account holding the e-mail address given, and Keycloak may mail it the link to set its
 * password. A username that exists is never given credentials, required actions or a contact: it is
 * the first admin only when the e-mail address given is the one on the account, and then the link
 * is sent again only while the account has never been used and belongs to this community alone
 * (onboarding resumed). Anything else — a username with another address, an address on another
 * account — is refused with one answer, which says nothing about which it was or about the account.
 * (People invited into a community later are invited by contact, not by account: the invitation
 * package.)
 */
@Component
public class Invitees {

  /** Who the invitation reaches, and whether it may carry credentials. */
  public record Invitee(KeycloakUser user, boolean mayCarryCredentials) {}

  /** The one answer to every collision with another account. */
  public static final String CONFLICT_MESSAGE =
      "This username, e-mail address or mobile number belongs to another account. Choose another"
          + " username; to invite someone who already has an account, give their username with the"
          + " e-mail address or mobile number on that account";

  private final KeycloakAdmin keycloak;

  Invitees(KeycloakAdmin keycloak) {
    this.keycloak = keycloak;
  }

  /** The invitee reached by e-mail; empty when that would touch another account. */
  public Optional<Invitee> byEmail(
      String communityKey, String username, String email, String firstName, String lastName) {
    Optional<Account> existing = keycloak.account(username);
    if (existing.isEmpty()) {
      return keycloak
          .createEmailUser(username, email, firstName, lastName)
          .map(user -> new Invitee(user, true));
    }
    return existing
        .filter(account -> account.email().equalsIgnoreCase(email))
        .map(account -> invitee(account, communityKey));
  }

  private Invitee invitee(Account account, String communityKey) {
    boolean unused =
        account.awaitsFirstPassword() && keycloak.confinedTo(account.user().id(), communityKey);
    return new Invitee(account.user(), unused);
  }
}
