package org.redgovernance.testing;

import java.nio.file.Path;
import java.util.List;
import org.redgovernance.keycloak.MailCatcher;

/** What Keycloak e-mailed during this build, as the test stack's mail catcher caught it. */
public final class Mailbox {

  private Mailbox() {}

  /** The messages to {@code recipient}, oldest first, decoded. */
  public static List<String> of(String recipient) {
    return MailCatcher.messagesTo(Path.of(TestStack.get().mailFolder()), recipient);
  }
}
