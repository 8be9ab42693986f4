package org.redgovernance.admin.onboarding;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of Keycloak that can take it away: after a given number of HTTP requests it
 * closes every connection and refuses new ones, as if Keycloak had stopped, until {@link #restore}.
 * It counts requests by their request lines ({@code " HTTP/1.1\r\n"}), which is enough for the
 * admin API's small JSON requests.
 */
final class SeveringProxy implements AutoCloseable {

  private static final byte[] REQUEST_LINE_END =
      " HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket server;
  private final int targetPort;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile int severAfter = Integer.MAX_VALUE;
  private volatile boolean severed;

  SeveringProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "severing-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Lets {@code count} more requests through, then severs. */
  void severAfter(int count) {
    severAfter = requests.get() + count;
  }

  void restore() {
    severAfter = Integer.MAX_VALUE;
    severed = false;
  }

  int requests() {
    return requests.get();
  }

  boolean severed() {
    return severed;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        if (severed) {
          client.close();
          continue;
        }
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        open.add(client);
        open.add(upstream);
        pump(client, upstream, true);
        pump(upstream, client, false);
      } catch (IOException e) {
        // closed, or Keycloak unreachable: the client sees a failed connection either way
      }
    }
  }

  private void pump(Socket from, Socket to, boolean countRequests) {
    Thread pump =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              int matched = 0;
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) != -1) {
                  if (countRequests) {
                    for (int i = 0; i < read; i++) {
                      matched =
                          buffer[i] == REQUEST_LINE_END[matched]
                              ? matched + 1
                              : (buffer[i] == REQUEST_LINE_END[0] ? 1 : 0);
                      if (matched == REQUEST_LINE_END.length) {
                        matched = 0;
                        if (requests.incrementAndGet() > severAfter) {
                          sever();
                          return;
                        }
                      }
                    }
                  }
                  out.write(buffer, 0, read);
                  out.flush();
                }
              } catch (IOException e) {
                // the other side went away
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "severing-proxy-pump");
    pump.setDaemon(true);
    pump.start();
  }

  private void sever() {
    severed = true;
    for (Socket socket : open) {
      closeQuietly(socket);
    }
    open.clear();
  }

  @Override
  public void close() throws IOException {
    sever();
    server.close();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
