package org.redgovernance.admin.access;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.redgovernance.admin.access.AccessRepository.CommunityOfStreet;
import org.redgovernance.admin.access.CommunityRoleChanges.AdminError;
import org.redgovernance.admin.access.CommunityRoleChanges.CommunityRoleInput;
import org.redgovernance.admin.access.CommunityRoleChanges.CommunityRolePayload;
import org.redgovernance.admin.access.CommunityRoleChanges.PersonWithRoles;
import org.redgovernance.admin.identity.CommunityRoleName;
import org.redgovernance.admin.identity.Invitees;
import org.redgovernance.admin.identity.Invitees.Invitee;
import org.redgovernance.admin.identity.KeycloakAdmin;
import org.redgovernance.admin.identity.KeycloakAdmin.KeycloakUser;
import org.redgovernance.admin.security.Operator;
import org.redgovernance.admin.sms.SmsGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;

/**
 * {@code invitePerson}: brings a person into a community with a role. By e-mail, a new Keycloak
 * user is required to verify the address and choose a password, and Keycloak e-mails them the link.
 * By mobile number (for the many residents without e-mail), the new user holds the number and a
 * temporary password that a text message carries and that must be changed at first login. Which
 * account an invitation reaches, and whether it may carry credentials, is {@link Invitees}'
 * decision: an existing account is reached only through its own e-mail address or number, and gets
 * the role without any credential. Inviting again is safe: no second account, the role once, the
 * invitation sent again — a new temporary password only while the first was never used.
 */
@Controller
class InvitationController {

  private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{2,62}$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern MOBILE = Pattern.compile("^1[3-9][0-9]{9}$");

  /** No 0/O, 1/l/I: the password is read off a phone screen and typed. */
  private static final String PASSWORD_ALPHABET =
      "23456789abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ";

  private static final SecureRandom RANDOM = new SecureRandom();

  record InvitePersonInput(
      @Nullable String communityKey,
      @Nullable String username,
      @Nullable String email,
      @Nullable String phone,
      @Nullable String firstName,
      @Nullable String lastName,
      @Nullable CommunityRoleName role) {}

  record InvitePersonPayload(
      @Nullable PersonWithRoles person, boolean invitationSent, List<AdminError> errors) {}

  private final AccessRepository registry;
  private final CommunityRoleChanges roles;
  private final KeycloakAdmin keycloak;
  private final Invitees invitees;
  private final ObjectProvider<SmsGateway> sms;
  private final String accountConsole;

  InvitationController(
      AccessRepository registry,
      CommunityRoleChanges roles,
      KeycloakAdmin keycloak,
      Invitees invitees,
      ObjectProvider<SmsGateway> sms,
      @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
    this.registry = registry;
    this.roles = roles;
    this.keycloak = keycloak;
    this.invitees = invitees;
    this.sms = sms;
    this.accountConsole = issuer + "/account";
  }

  @MutationMapping
  InvitePersonPayload invitePerson(
      @Argument InvitePersonInput input, @AuthenticationPrincipal Jwt token) {
    Operator operator = Operator.of(token);
    String email = text(input.email());
    String phone = text(input.phone()).replaceAll("[\\s-]", "");
    Optional<AdminError> invalid = invalid(input, email, phone);
    if (invalid.isPresent()) {
      return refused(invalid.get());
    }
    Optional<CommunityOfStreet> community =
        input.communityKey() == null ? Optional.empty() : registry.community(input.communityKey());
    AdminError refusal =
        community.isEmpty()
            ? new AdminError("NOT_FOUND", "No such community", List.of("communityKey"))
            : roles.refusal(
                new CommunityRoleInput(input.communityKey(), input.username(), input.role()),
                operator,
                community.get());
    if (refusal != null) {
      return refused(refusal);
    }
    return email.isEmpty()
        ? byPhone(input, phone, community.get(), operator)
        : byEmail(input, email, operator);
  }

  private InvitePersonPayload byEmail(InvitePersonInput input, String email, Operator operator) {
    Optional<Invitee> invitee =
        invitees.byEmail(
            input.communityKey(),
            input.username(),
            email,
            text(input.firstName()),
            text(input.lastName()));
    if (invitee.isEmpty()) {
      return conflict();
    }
    CommunityRolePayload granted = grant(input, invitee.get().user(), operator);
    if (!granted.errors().isEmpty()) {
      return refused(granted.errors().get(0));
    }
    // an account in use keeps its credentials: its owner logs in as always
    boolean sent =
        invitee.get().mayCarryCredentials() && keycloak.sendInvitation(invitee.get().user().id());
    return new InvitePersonPayload(granted.person(), sent, List.of());
  }

  private InvitePersonPayload byPhone(
      InvitePersonInput input, String phone, CommunityOfStreet community, Operator operator) {
    SmsGateway gateway = sms.getIfAvailable();
    if (gateway == null) {
      return refused(
          new AdminError(
              "UNAVAILABLE",
              "No SMS gateway is configured: invite by e-mail, or configure one",
              List.of("phone")));
    }
    Optional<Invitee> invitee =
        invitees.byPhone(
            input.communityKey(),
            input.username(),
            phone,
            text(input.firstName()),
            text(input.lastName()));
    if (invitee.isEmpty()) {
      return conflict();
    }
    KeycloakUser user = invitee.get().user();
    CommunityRolePayload granted = grant(input, user, operator);
    if (!granted.errors().isEmpty()) {
      return refused(granted.errors().get(0));
    }
    String message;
    if (invitee.get().mayCarryCredentials()) {
      String password = temporaryPassword();
      keycloak.setTemporaryPassword(user.id(), password);
      message =
          "【红色治家】%s您好，您已受邀加入%s。登录名：%s，临时密码：%s（首次登录时须修改）。登录：%s"
              .formatted(
                  text(input.firstName()),
                  community.name(),
                  user.username(),
                  password,
                  accountConsole);
    } else {
      message =
          "【红色治家】%s您好，您已可以在%s使用平台，请用您的账号 %s 登录：%s"
              .formatted(
                  text(input.firstName()), community.name(), user.username(), accountConsole);
    }
    // the number is the account's own: the message goes to its owner
    return new InvitePersonPayload(granted.person(), gateway.send(phone, message), List.of());
  }

  private static InvitePersonPayload conflict() {
    return refused(new AdminError("CONFLICT", Invitees.CONFLICT_MESSAGE, null));
  }

  private CommunityRolePayload grant(
      InvitePersonInput input, KeycloakUser user, Operator operator) {
    return roles.change(
        new CommunityRoleInput(input.communityKey(), user.username(), input.role()),
        operator,
        true);
  }

  private static Optional<AdminError> invalid(InvitePersonInput input, String email, String phone) {
    if (input.username() == null || !USERNAME.matcher(input.username()).matches()) {
      return Optional.of(
          new AdminError(
              "INVALID_INPUT",
              "3 to 63 lower-case letters, digits, '.', '_' or '-'",
              List.of("username")));
    }
    if (email.isEmpty() && phone.isEmpty()) {
      return Optional.of(
          new AdminError(
              "INVALID_INPUT", "An e-mail address or a mobile number", List.of("email")));
    }
    if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
      return Optional.of(new AdminError("INVALID_INPUT", "An e-mail address", List.of("email")));
    }
    if (email.isEmpty() && !MOBILE.matcher(phone).matches()) {
      return Optional.of(
          new AdminError(
              "INVALID_INPUT",
              "An 11-digit mainland mobile number, e.g. 13912345678",
              List.of("phone")));
    }
    return Optional.empty();
  }

  private static String temporaryPassword() {
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
    }
    return password.toString();
  }

  private static InvitePersonPayload refused(AdminError error) {
    return new InvitePersonPayload(null, false, List.of(error));
  }

  private static String text(@Nullable String value) {
    return value == null ? "" : value.strip();
  }
}
