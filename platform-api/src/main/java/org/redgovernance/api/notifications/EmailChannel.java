package org.redgovernance.api.notifications;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail through the mail server configured for platform-api ({@code spring.mail.host}; the dev
 * stack's and the tests' mail catcher). Without one, nobody is e-mailed: the channel is not open.
 * The message carries its delivery key as its Message-ID, so a message offered twice (a dispatcher
 * died while sending) is recognisably the same.
 */
@Component
class EmailChannel implements ChannelAdapter {

  private final ObjectProvider<JavaMailSender> mail;
  private final String from;
  private final String appUrl;

  EmailChannel(
      ObjectProvider<JavaMailSender> mail,
      @Value("${rg.notifications.mail-from:noreply@red-governance.local}") String from,
      @Value("${rg.notifications.app-url:http://127.0.0.1:5173}") String appUrl) {
    this.mail = mail;
    this.from = from;
    this.appUrl = appUrl.endsWith("/") ? appUrl.substring(0, appUrl.length() - 1) : appUrl;
  }

  @Override
  public NotificationChannel channel() {
    return NotificationChannel.EMAIL;
  }

  @Override
  public boolean available() {
    return mail.getIfAvailable() != null;
  }

  @Override
  public String send(Message message) throws DeliveryFailure {
    JavaMailSender mail = this.mail.getObject();
    try {
      String id = "<" + message.deliveryKey().replace(':', '.') + "@red-governance>";
      MimeMessage mime = mail.createMimeMessage();
      // Spring's sender keeps a Message-ID set before it sends
      mime.setHeader("Message-ID", id);
      MimeMessageHelper letter = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
      letter.setFrom(from);
      letter.setTo(message.address());
      letter.setSubject(message.title() + "｜红色治家");
      letter.setText(
          message.body()
              + "\n\n"
              + appUrl
              + message.link()
              + "\n\n"
              + "——\n红色治家平台通知，请勿直接回复。可在应用的“通知设置”中调整接收方式。");
      mail.send(mime);
      return id;
    } catch (MailException | jakarta.mail.MessagingException e) {
      throw new DeliveryFailure("the mail server refused or was unreachable: " + e.getMessage(), e);
    }
  }
}
