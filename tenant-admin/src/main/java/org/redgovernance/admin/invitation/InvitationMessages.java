package org.redgovernance.admin.invitation;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.redgovernance.admin.identity.CommunityRoleName;
import org.redgovernance.messaging.SmsGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The message that carries an invitation's code: a text message through the {@link SmsGateway}, or
 * an e-mail through the configured mail server ({@code spring.mail.host}). Both say the same thing,
 * in Chinese: who invites, into which community, as what, until when, and the link that accepts —
 * the code in the link's fragment, so that no server log along the way records it.
 */
@Component
class InvitationMessages {

  private static final Logger log = LoggerFactory.getLogger(InvitationMessages.class);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(ZoneId.of("Asia/Shanghai"));

  private static final Map<CommunityRoleName, String> ROLE_LABELS =
      Map.of(
          CommunityRoleName.ADMIN, "社区管理员",
          CommunityRoleName.SECRETARY, "党组织书记",
          CommunityRoleName.OWNERS_COMMITTEE, "业委会委员",
          CommunityRoleName.SUPERVISOR, "居监会委员",
          CommunityRoleName.OWNER_REP, "业主代表",
          CommunityRoleName.PARTY_MEMBER, "党员",
          CommunityRoleName.RESIDENT, "居民");

  /** What a message says. */
  record Letter(
      String inviteeName,
      String communityName,
      CommunityRoleName role,
      String code,
      OffsetDateTime expiresAt) {}

  private final ObjectProvider<SmsGateway> sms;
  private final ObjectProvider<JavaMailSender> mail;
  private final String from;
  private final String acceptUrl;

  InvitationMessages(
      ObjectProvider<SmsGateway> sms,
      ObjectProvider<JavaMailSender> mail,
      @Value("${rg.invitations.mail-from:noreply@red-governance.local}") String from,
      @Value("${rg.invitations.accept-url:http://127.0.0.1:8080/invitation}") String acceptUrl) {
    this.sms = sms;
    this.mail = mail;
    this.from = from;
    this.acceptUrl = acceptUrl;
  }

  /** Whether messages can go out on the channel at all. */
  boolean available(Channel channel) {
    return switch (channel) {
      case EMAIL -> mail.getIfAvailable() != null;
      case PHONE -> sms.getIfAvailable() != null;
    };
  }

  /** Sends it; false when the mail server or the SMS provider refused or was unreachable. */
  boolean send(Channel channel, String contact, Letter letter) {
    String text = text(letter);
    if (channel == Channel.PHONE) {
      return sms.getObject().send(contact, "【红色治家】" + text);
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(contact);
    message.setSubject("邀请您加入" + letter.communityName() + "｜红色治家");
    message.setText(
        text
            + "\n\n"
            + "You are invited to join "
            + letter.communityName()
            + " on the Red Governance platform. Open the link above, sign in or register, and"
            + " accept the invitation before it expires.");
    try {
      mail.getObject().send(message);
      return true;
    } catch (MailException e) {
      log.warn("The invitation e-mail could not be sent: {}", e.getMessage());
      return false;
    }
  }

  private String text(Letter letter) {
    String greeting = letter.inviteeName().isEmpty() ? "您好" : letter.inviteeName() + "，您好";
    return ("%s：%s邀请您以“%s”身份加入红色治家平台。请于%s前打开 %s#code=%s ，登录或注册后接受邀请" + "（邀请码 %s）。如非本人，请忽略。")
        .formatted(
            greeting,
            letter.communityName(),
            ROLE_LABELS.get(letter.role()),
            DAY.format(letter.expiresAt()),
            acceptUrl,
            letter.code(),
            letter.code());
  }

  /** How an invitation reaches its invitee. */
  enum Channel {
    EMAIL,
    PHONE
  }
}
