package org.redgovernance.graphql;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.InputBuffer;
import org.apache.tomcat.util.net.ApplicationBufferHandler;

/**
 * A request body has to keep coming: it may take {@code timeout}, plus one second for every {@code
 * minBytesPerSecond} bytes that arrived (Apache's {@code RequestReadTimeout body=20,MinRate=1000}).
 * A client that sends one byte every few seconds would otherwise hold one of the server's workers
 * for as long as it likes — Tomcat only bounds the wait for each read ({@code
 * server.tomcat.connection-timeout}). A body that falls behind ends the request with 408 and the
 * connection is closed; the request has changed nothing, since nothing runs before its body is in.
 *
 * <p>It sits in Tomcat's engine, beneath every way of reading a body (a GraphQL request, a
 * multipart upload parsed by Tomcat itself), by wrapping the connection's input for the time of the
 * request.
 */
public final class SlowRequestBodies extends ValveBase {

  private final long timeoutNanos;
  private final long nanosPerByte;

  public SlowRequestBodies(Duration timeout, int minBytesPerSecond) {
    super(true);
    this.timeoutNanos = timeout.toNanos();
    this.nanosPerByte = 1_000_000_000L / Math.max(1, minBytesPerSecond);
  }

  @Override
  public void invoke(Request request, Response response) throws IOException, ServletException {
    org.apache.coyote.Request connection = request.getCoyoteRequest();
    InputBuffer input = connection.getInputBuffer();
    Paced paced = new Paced(input, System.nanoTime());
    connection.setInputBuffer(paced);
    try {
      getNext().invoke(request, response);
    } finally {
      connection.setInputBuffer(input);
    }
    if (paced.fellBehind) {
      tooSlow(request, response);
    }
  }

  /**
   * 408 with a JSON reason if nothing was answered yet, in place of the error page Tomcat would
   * render for the failed read, and the connection closed either way.
   */
  private static void tooSlow(Request request, Response response) throws IOException {
    if (!response.isCommitted()) {
      request.removeAttribute(RequestDispatcher.ERROR_EXCEPTION);
      response.reset();
      response.setStatus(408);
      response.setHeader("Connection", "close");
      response.setContentType("application/json");
      response
          .getOutputStream()
          .write(
              "{\"code\":\"REQUEST_TIMEOUT\",\"message\":\"The request body came too slowly\"}"
                  .getBytes(StandardCharsets.UTF_8));
      response.setErrorReported();
      response.flushBuffer();
    }
    response.getCoyoteResponse().action(org.apache.coyote.ActionCode.CLOSE_NOW, null);
  }

  /** The connection's input, refusing to wait once the body has fallen behind. */
  private final class Paced implements InputBuffer {

    private final InputBuffer input;
    private final long started;
    private long received;
    private volatile boolean fellBehind;

    Paced(InputBuffer input, long started) {
      this.input = input;
      this.started = started;
    }

    @Override
    public int doRead(ApplicationBufferHandler handler) throws IOException {
      check();
      int read = input.doRead(handler);
      if (read > 0) {
        received += read;
      }
      check();
      return read;
    }

    private void check() throws SocketTimeoutException {
      long allowed = timeoutNanos + received * nanosPerByte;
      if (System.nanoTime() - started > allowed) {
        fellBehind = true;
        throw new SocketTimeoutException(
            "The request body fell behind: "
                + received
                + " bytes in "
                + allowed / 1_000_000
                + " ms");
      }
    }

    @Override
    public int available() {
      return input.available();
    }
  }
}
