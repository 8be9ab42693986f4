package org.redgovernance.admin.invitation;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.redgovernance.admin.access.AccessRepository;
import org.redgovernance.admin.access.AccessRepository.CommunityOfStreet;
import org.redgovernance.admin.access.CommunityRoleChanges;
import org.redgovernance.admin.access.CommunityRoleChanges.AdminError;
import org.redgovernance.admin.access.CommunityRoleChanges.PersonWithRoles;
import org.redgovernance.admin.audit.AdminAuditRepository;
import org.redgovernance.admin.identity.CommunityRoleName;
import org.redgovernance.admin.invitation.InvitationMessages.Channel;
import org.redgovernance.admin.invitation.InvitationMessages.Letter;
import org.redgovernance.admin.invitation.InvitationRepository.Invitation;
import org.redgovernance.admin.invitation.InvitationRepository.NewInvitation;
import org.redgovernance.admin.security.Operator;
import org.redgovernance.database.InvitationCodes;
import org.redgovernance.database.PhoneNumbers;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code invitePerson}, {@code invitations} and {@code cancelInvitation}. An invitation records the
 * community, the role and where its code went, then sends the code there; it names no account and
 * touches none, so its answer is the same for everyone invited — whether the person has an account,
 * here or in another community, or none. The person accepts in platform-api with the account they
 * sign in with (or register), and {@link InvitationGrants} grants the role.
 */
@Controller
class InvitationController {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern MOBILE = Pattern.compile("^1[3-9][0-9]{9}$");
  private static final int DAYS_VALID = 7;

  /** Invitations send messages that cost money and can pester: at most so many. */
  private static final int PER_COMMUNITY_PER_HOUR = 200;

  private static final int PER_CONTACT_PER_DAY = 5;

  record InvitePersonInput(
      @Nullable String communityKey,
      @Nullable String username,
      @Nullable String email,
      @Nullable String phone,
      @Nullable String firstName,
      @Nullable String lastName,
      @Nullable CommunityRoleName role) {}

  record InvitePersonPayload(
      @Nullable Invitation invitation,
      @Nullable PersonWithRoles person,
      boolean invitationSent,
      List<AdminError> errors) {}

  record CancelInvitationInput(@Nullable String communityKey, @Nullable String id) {}

  record CancelInvitationPayload(@Nullable Invitation invitation, List<AdminError> errors) {}

  private final AccessRepository registry;
  private final InvitationRepository invitations;
  private final InvitationMessages messages;
  private final AdminAuditRepository audit;
  private final TransactionTemplate transactions;

  InvitationController(
      AccessRepository registry,
      InvitationRepository invitations,
      InvitationMessages messages,
      AdminAuditRepository audit,
      TransactionTemplate transactions) {
    this.registry = registry;
    this.invitations = invitations;
    this.messages = messages;
    this.audit = audit;
    this.transactions = transactions;
  }

  /** Runs the work in a transaction whose tenant context is the community. */
  private <T> T inCommunity(CommunityOfStreet community, Operator operator, Supplier<T> work) {
    return transactions.execute(
        status -> {
          invitations.enter(List.of(community.id()), operator.userId());
          return work.get();
        });
  }

  @MutationMapping
  InvitePersonPayload invitePerson(
      @Argument InvitePersonInput input, @AuthenticationPrincipal Jwt token) {
    Operator operator = Operator.of(token);
    Optional<CommunityOfStreet> community =
        input.communityKey() == null ? Optional.empty() : registry.community(input.communityKey());
    if (community.isEmpty()) {
      return refused(new AdminError("NOT_FOUND", "No such community", List.of("communityKey")));
    }
    String email = text(input.email());
    String phone = text(input.phone()).replaceAll("[\\s-]", "");
    Channel channel = email.isEmpty() ? Channel.PHONE : Channel.EMAIL;
    String name = (text(input.lastName()) + text(input.firstName())).strip();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("role", String.valueOf(input.role()));
    details.put("channel", channel.name());
    AdminError refusal = CommunityRoleChanges.mayManage(operator, community.get());
    if (refusal == null) {
      refusal = invalid(input, email, phone, name);
    }
    if (refusal == null && !messages.available(channel)) {
      refusal =
          new AdminError(
              "UNAVAILABLE",
              channel == Channel.PHONE
                  ? "No SMS gateway is configured: invite by e-mail, or configure one"
                  : "No mail server is configured (spring.mail.host): invite by mobile number, or"
                      + " configure one",
              List.of(channel == Channel.PHONE ? "phone" : "email"));
    }
    if (refusal != null) {
      // a community outside the caller's reach gets no entry in its street's log
      return "NOT_FOUND".equals(refusal.code())
          ? refused(refusal)
          : refusedAndLogged(operator, community.get(), "REFUSED", refusal, details);
    }
    String contact = channel == Channel.PHONE ? phone : email;
    String sentTo = channel == Channel.PHONE ? PhoneNumbers.mask(phone) : maskedEmail(email);
    String code = InvitationCodes.fresh();
    OffsetDateTime expires =
        OffsetDateTime.now().plusDays(DAYS_VALID).truncatedTo(ChronoUnit.SECONDS);
    NewInvitation recorded =
        new NewInvitation(
            community.get().id(),
            input.role(),
            channel.name(),
            sentTo,
            name,
            InvitationCodes.digest(code),
            expires,
            operator.userId(),
            operator.displayName());
    Optional<Invitation> created =
        inCommunity(
            community.get(),
            operator,
            () ->
                invitations.sentWithin(community.get().id(), 1, null) >= PER_COMMUNITY_PER_HOUR
                        || invitations.sentWithin(community.get().id(), 24, sentTo)
                            >= PER_CONTACT_PER_DAY
                    ? Optional.<Invitation>empty()
                    : invitations.one(community.get().id(), invitations.create(recorded)));
    if (created.isEmpty()) {
      return refusedAndLogged(
          operator,
          community.get(),
          "REFUSED",
          new AdminError(
              "RATE_LIMITED",
              "Too many invitations: at most "
                  + PER_COMMUNITY_PER_HOUR
                  + " an hour into a community and "
                  + PER_CONTACT_PER_DAY
                  + " a day to one address or number; try again later",
              null),
          details);
    }
    UUID id = created.get().id();
    details.put("sentTo", sentTo);
    details.put("invitation", id.toString());
    boolean sent =
        messages.send(
            channel,
            contact,
            new Letter(name, community.get().name(), input.role(), code, expires));
    if (!sent) {
      // nobody holds the code: the invitation is withdrawn rather than left to expire unseen
      inCommunity(
          community.get(),
          operator,
          () -> {
            invitations.end(
                community.get().id(), id, "CANCELLED", operator.userId(), operator.displayName());
            return null;
          });
      return refusedAndLogged(
          operator,
          community.get(),
          "FAILED",
          new AdminError(
              "UNAVAILABLE",
              "The message could not be sent (mail server or SMS provider); the invitation was"
                  + " withdrawn, invite again later",
              List.of(channel == Channel.PHONE ? "phone" : "email")),
          details);
    }
    log(operator, community.get(), "OK", details);
    return new InvitePersonPayload(created.get(), null, true, List.of());
  }

  @QueryMapping
  List<Invitation> invitations(
      @Argument String communityKey,
      @Argument @Nullable Boolean pendingOnly,
      @Argument @Nullable Integer first,
      @AuthenticationPrincipal Jwt token) {
    Operator operator = Operator.of(token);
    Optional<CommunityOfStreet> community = registry.community(communityKey);
    if (community.isEmpty()
        || !(operator.oversees(community.get().streetKey())
            || operator.managesPeopleOf(communityKey, community.get().streetKey()))) {
      return List.of();
    }
    int limit = first == null ? 50 : Math.max(0, first);
    return inCommunity(
        community.get(),
        operator,
        () -> invitations.of(community.get().id(), Boolean.TRUE.equals(pendingOnly), limit));
  }

  @MutationMapping
  CancelInvitationPayload cancelInvitation(
      @Argument CancelInvitationInput input, @AuthenticationPrincipal Jwt token) {
    Operator operator = Operator.of(token);
    Optional<CommunityOfStreet> community =
        input.communityKey() == null ? Optional.empty() : registry.community(input.communityKey());
    Optional<UUID> id = uuid(input.id());
    AdminError refusal =
        community.isEmpty()
            ? new AdminError("NOT_FOUND", "No such community", List.of("communityKey"))
            : CommunityRoleChanges.mayManage(operator, community.get());
    if (refusal == null && id.isEmpty()) {
      refusal = new AdminError("NOT_FOUND", "No such invitation", List.of("id"));
    }
    if (refusal != null) {
      return new CancelInvitationPayload(null, List.of(refusal));
    }
    CommunityOfStreet into = community.get();
    CancelInvitationPayload payload =
        inCommunity(into, operator, () -> cancel(into, id.get(), operator));
    if (payload.errors().isEmpty()) {
      audit.record(
          operator,
          "invitation.cancelled",
          into.streetKey(),
          into.key(),
          "OK",
          null,
          Map.of("invitation", id.get().toString()));
    }
    return payload;
  }

  /** Withdraws it under its lock, if it is pending or accepted and not yet granted. */
  private CancelInvitationPayload cancel(CommunityOfStreet community, UUID id, Operator operator) {
    invitations.lock(id);
    Optional<Invitation> invitation = invitations.one(community.id(), id);
    if (invitation.isEmpty()) {
      return new CancelInvitationPayload(
          null, List.of(new AdminError("NOT_FOUND", "No such invitation", List.of("id"))));
    }
    String status = invitation.get().status();
    if (!status.equals("PENDING") && !status.equals("ACCEPTED")) {
      return new CancelInvitationPayload(
          null,
          List.of(
              new AdminError(
                  "ILLEGAL_TRANSITION",
                  "The invitation is "
                      + status
                      + "; only a pending or accepted one not yet granted can be withdrawn (revoke"
                      + " a granted role instead)",
                  List.of("id"))));
    }
    invitations.end(community.id(), id, "CANCELLED", operator.userId(), operator.displayName());
    return new CancelInvitationPayload(
        invitations.one(community.id(), id).orElseThrow(), List.of());
  }

  private static @Nullable AdminError invalid(
      InvitePersonInput input, String email, String phone, String name) {
    if (input.role() == null) {
      return new AdminError("INVALID_INPUT", "Which role?", List.of("role"));
    }
    if (email.isEmpty() && phone.isEmpty()) {
      return new AdminError(
          "INVALID_INPUT", "An e-mail address or a mobile number", List.of("email"));
    }
    if (!email.isEmpty() && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
      return new AdminError("INVALID_INPUT", "An e-mail address", List.of("email"));
    }
    if (email.isEmpty() && !MOBILE.matcher(phone).matches()) {
      return new AdminError(
          "INVALID_INPUT",
          "An 11-digit mainland mobile number, e.g. 13912345678",
          List.of("phone"));
    }
    if (name.length() > 100) {
      return new AdminError(
          "INVALID_INPUT", "A name of at most 100 characters", List.of("firstName"));
    }
    return null;
  }

  /** {@code z***@example.org}: the first character and the domain. */
  static String maskedEmail(String email) {
    int at = email.lastIndexOf('@');
    String masked = email.charAt(0) + "***" + email.substring(at);
    return masked.length() <= 100 ? masked : masked.substring(0, 97) + "...";
  }

  private static Optional<UUID> uuid(@Nullable String id) {
    try {
      return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The invitation attempt in the street's audit log. */
  private void log(
      Operator operator, CommunityOfStreet community, String result, Map<String, Object> details) {
    audit.record(
        operator, "invitation.sent", community.streetKey(), community.key(), result, null, details);
  }

  private InvitePersonPayload refusedAndLogged(
      Operator operator,
      CommunityOfStreet community,
      String result,
      AdminError error,
      Map<String, Object> details) {
    details.put("code", error.code());
    log(operator, community, result, details);
    return refused(error);
  }

  private static InvitePersonPayload refused(AdminError error) {
    return new InvitePersonPayload(null, null, false, List.of(error));
  }

  private static String text(@Nullable String value) {
    return value == null ? "" : value.strip();
  }
}
