package org.redgovernance.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.testing.Tokens;

/**
 * A client that sends its request body a few bytes at a time does not hold one of the server's
 * workers for as long as it likes: once the body falls behind the pace it must keep (the tests
 * allow 4 s plus a second per 1000 bytes received), the request ends with 408 and the connection is
 * closed — for a GraphQL request read before anything else and for a multipart upload parsed by
 * Tomcat alike.
 */
class SlowRequestBodiesIntegrationTests extends IntegrationTest {

  /**
   * The tests' body timeout (4 s), what 40 trickled bytes add to it, and a margin for a busy CI.
   */
  private static final Duration ENDED_WITHIN = Duration.ofSeconds(10);

  @Test
  void aGraphQlBodyTrickledByteByByte_isAnswered408_andTheConnectionClosed() throws Exception {
    String headers =
        "POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: 4000\r\n\r\n";
    Trickle trickle = trickle(headers);

    assertThat(trickle.took())
        .as("how long the slow body held the request")
        .isLessThan(ENDED_WITHIN);
    assertEndedWith408OrReset(trickle);
  }

  @Test
  void aTrickledUpload_isAnswered408_andTheConnectionClosed() throws Exception {
    String boundary = "----rgslow";
    String headers =
        "POST /matter-attachments HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + Tokens.of("baiguoshu.resident")
            + "\r\nContent-Type: multipart/form-data; boundary="
            + boundary
            + "\r\nContent-Length: 100000\r\n\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\n";
    Trickle trickle = trickle(headers);

    assertThat(trickle.took())
        .as("how long the slow upload held the request")
        .isLessThan(ENDED_WITHIN);
    assertEndedWith408OrReset(trickle);
  }

  @Test
  void aBodyThatKeepsThePace_isTakenAsUsual() throws Exception {
    // 3 KB in 6 s: slower than the 4 s the tests allow a body in all, but at 500 bytes a second
    // on average, each byte adding to the time it may take
    String body =
        "{\"query\":\"{ __typename }\",\"variables\":{\"pad\":\"" + "x".repeat(2900) + "\"}}";
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  + "Authorization: Bearer "
                  + Tokens.of("baiguoshu.resident")
                  + "\r\nConnection: close\r\nContent-Length: "
                  + body.getBytes(StandardCharsets.UTF_8).length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      for (int sent = 0; sent < bytes.length; sent += 250) {
        out.write(bytes, sent, Math.min(250, bytes.length - sent));
        out.flush();
        Thread.sleep(500);
      }
      assertThat(readAll(socket.getInputStream())).startsWith("HTTP/1.1 200");
    }
  }

  /**
   * The server closes the connection while the client is still sending, so the client's system may
   * drop the 408 on the reset that follows; what it must never see is another answer.
   */
  private static void assertEndedWith408OrReset(Trickle trickle) {
    if (!trickle.answer().isEmpty()) {
      assertThat(trickle.answer()).startsWith("HTTP/1.1 408").contains("REQUEST_TIMEOUT");
    }
  }

  /** What a trickled request got back and how long after its headers the connection ended. */
  private record Trickle(String answer, Duration took) {}

  /**
   * Sends {@code headers}, then one byte every 200 ms (5 bytes a second) until the server answers
   * or closes, at most for 30 s.
   */
  private Trickle trickle(String headers) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(headers.getBytes(StandardCharsets.UTF_8));
      out.flush();
      Instant start = Instant.now();
      try {
        while (in.available() == 0 && Instant.now().isBefore(start.plusSeconds(30))) {
          out.write('x');
          out.flush();
          Thread.sleep(200);
        }
      } catch (IOException closed) {
        // the server closed the connection while the body was still coming
      }
      String answer = readAll(in);
      return new Trickle(answer, Duration.between(start, Instant.now()));
    }
  }

  private static String readAll(InputStream in) {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
        answer.write(buffer, 0, read);
      }
    } catch (IOException reset) {
      // what arrived before the connection was reset is the answer
    }
    return answer.toString(StandardCharsets.UTF_8);
  }
}
