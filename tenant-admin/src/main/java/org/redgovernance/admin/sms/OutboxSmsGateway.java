package org.redgovernance.admin.sms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The dev stack's and the tests' stand-in for an SMS provider: each message becomes a file {@code
 * <time>-<n>-<phone>.txt} in {@code rg.sms.outbox}. Never for production — the files hold the
 * temporary passwords of invitations.
 */
@Component
@ConditionalOnExpression("!'${rg.sms.outbox:}'.isBlank()")
class OutboxSmsGateway implements SmsGateway {

  private static final Logger log = LoggerFactory.getLogger(OutboxSmsGateway.class);

  private final Path outbox;
  private final AtomicLong sequence = new AtomicLong();

  OutboxSmsGateway(@Value("${rg.sms.outbox}") Path outbox) {
    this.outbox = outbox.toAbsolutePath();
  }

  @Override
  public boolean send(String phone, String text) {
    try {
      Files.createDirectories(outbox);
      Path file =
          outbox.resolve(
              System.currentTimeMillis() + "-" + sequence.incrementAndGet() + "-" + phone + ".txt");
      Files.writeString(file, text, StandardCharsets.UTF_8);
      log.info("Text message to {} kept in {}", phone, file);
      return true;
    } catch (IOException e) {
      log.warn("Could not keep the text message to {}: {}", phone, e.getMessage());
      return false;
    }
  }
}
