package org.redgovernance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;

/**
 * A front end or proxy keeps its connection: Tomcat's default closed it after every hundredth
 * request, and that request's new connection was what platform-api's p99 under load was made of.
 */
class KeptAliveConnectionIntegrationTests extends IntegrationTest {

  @Test
  void aConnection_servesThousandsOfRequests_beforeTheServerClosesIt() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      byte[] request =
          ("GET /no-such-page HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII);
      for (int sent = 1; sent <= 1_000; sent++) {
        out.write(request);
        out.flush();
        String head = head(in);

        assertThat(head).as("response %d", sent).startsWith("HTTP/1.1 ");
        assertThat(head.toLowerCase(Locale.ROOT))
            .as("response %d", sent)
            .doesNotContain("connection: close");
        skipBody(in, head);
      }
    }
  }

  /** The status line and headers, up to the blank line. */
  private static String head(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the server closed the connection after " + head);
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  private static void skipBody(InputStream in, String head) throws IOException {
    String lower = head.toLowerCase(Locale.ROOT);
    if (lower.contains("transfer-encoding: chunked")) {
      while (true) {
        int size = Integer.parseInt(line(in).split(";")[0].strip(), 16);
        in.readNBytes(size + 2);
        if (size == 0) {
          return;
        }
      }
    }
    int at = lower.indexOf("content-length:");
    if (at >= 0) {
      int length = Integer.parseInt(lower.substring(at + 15, lower.indexOf('\r', at)).strip());
      in.readNBytes(length);
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new IOException("the server closed the connection in a chunked body");
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }
}
