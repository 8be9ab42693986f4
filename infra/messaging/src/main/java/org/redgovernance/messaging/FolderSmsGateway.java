package org.redgovernance.messaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dev stack's and the tests' stand-in for an SMS provider: each message becomes a file {@code
 * <time>-<n>-<phone>.txt} in a folder. Never for production — the files hold the temporary codes of
 * invitations and the text of notifications.
 */
public final class FolderSmsGateway implements SmsGateway {

  private static final Logger log = LoggerFactory.getLogger(FolderSmsGateway.class);

  private final Path outbox;
  private final AtomicLong sequence = new AtomicLong();

  public FolderSmsGateway(Path outbox) {
    this.outbox = outbox.toAbsolutePath();
  }

  @Override
  public boolean send(String phone, String text) {
    if (!phone.matches("1[0-9]{10}")) {
      log.warn("Not a mainland mobile number; the text message was not kept");
      return false;
    }
    try {
      Files.createDirectories(outbox);
      Path file =
          outbox.resolve(
              System.currentTimeMillis() + "-" + sequence.incrementAndGet() + "-" + phone + ".txt");
      Files.writeString(file, text, StandardCharsets.UTF_8);
      // the number is personal data: the log shows it masked, and not the file, named after it
      log.info("Text message to {} kept in {}", masked(phone), outbox);
      return true;
    } catch (IOException e) {
      log.warn("Could not keep the text message to {}: {}", masked(phone), e.getMessage());
      return false;
    }
  }

  private static String masked(String phone) {
    return phone.substring(0, 3) + "****" + phone.substring(7);
  }

  /** The messages kept for {@code phone}, oldest first: for tests and the dev stack. */
  public static java.util.List<String> messagesTo(Path outbox, String phone) {
    if (!Files.isDirectory(outbox)) {
      return java.util.List.of();
    }
    try (var files = Files.list(outbox)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith("-" + phone + ".txt"))
          .sorted()
          .map(
              file -> {
                try {
                  return Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
