package org.redgovernance.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dev mail catcher keeps what Keycloak sends and finds the invitation link in it. */
class MailCatcherTests {

  private static final String LINK =
      "http://127.0.0.1:8180/realms/red-governance/login-actions/action-token?key=eyJhbGci.abc-_x&client_id=account";

  @Test
  void aBase64EncodedInvitation_isKept_andItsLinkAnnounced(@TempDir Path folder) throws Exception {
    List<String> announced = new CopyOnWriteArrayList<>();
    try (MailCatcher catcher = MailCatcher.start(0, folder, announced::add)) {
      String body =
          Base64.getMimeEncoder()
              .encodeToString(("您好，请点击链接设置密码：\n" + LINK + "\n").getBytes(StandardCharsets.UTF_8));
      List<String> replies =
          smtp(
              catcher.port(),
              "EHLO keycloak",
              "MAIL FROM:<noreply@red-governance.local>",
              "RCPT TO:<wang@example.org>",
              "DATA",
              "Subject: =?UTF-8?B?5pu05paw?=\r\n"
                  + "Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n"
                  + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                  + "Content-Transfer-Encoding: base64\r\n\r\n"
                  + body
                  + "\r\n--b1--\r\n.",
              "QUIT");
      assertThat(replies).first().asString().startsWith("220");
      assertThat(replies).anyMatch(reply -> reply.startsWith("250 OK caught"));
    }
    List<String> messages = MailCatcher.messagesTo(folder, "wang@example.org");
    assertThat(messages).hasSize(1);
    assertThat(messages.get(0)).contains("请点击链接设置密码");
    assertThat(MailCatcher.actionLink(messages.get(0))).hasValue(LINK);
    assertThat(announced).singleElement().asString().contains(LINK);
    assertThat(MailCatcher.messagesTo(folder, "nobody@example.org")).isEmpty();
  }

  @Test
  void quotedPrintable_withSoftLineBreaks_isDecoded() {
    String message =
        "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
            + "Link: http://h/realms/r/login-actions/action-token?key=3Dabc=\r\n"
            + "def&client_id=3Daccount\r\n";
    assertThat(MailCatcher.actionLink(MailCatcher.decoded(message)))
        .hasValue("http://h/realms/r/login-actions/action-token?key=abcdef&client_id=account");
  }

  private static List<String> smtp(int port, String... commands) throws Exception {
    List<String> replies = new ArrayList<>();
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
      OutputStream out = socket.getOutputStream();
      replies.add(in.readLine());
      for (String command : commands) {
        out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        String reply = in.readLine();
        while (reply != null && reply.startsWith("250-")) {
          reply = in.readLine();
        }
        replies.add(reply);
      }
    }
    return replies;
  }
}
