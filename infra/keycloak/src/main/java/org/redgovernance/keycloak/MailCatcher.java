package org.redgovernance.keycloak;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A local SMTP server for the dev stack and the tests: Keycloak's e-mails (links to set a password)
 * and tenant-admin's (invitations into a community, with their code) are written to a folder as
 * {@code .eml} files instead of being sent, and each action link is announced (the dev stack prints
 * it). It speaks just enough SMTP for Keycloak — no TLS, no authentication — and listens on
 * 127.0.0.1 only. Never for production.
 */
public final class MailCatcher implements AutoCloseable {

  /** Where Keycloak's execute-actions links point. */
  private static final Pattern ACTION_LINK =
      Pattern.compile("https?://[^\\s\"<>]+/login-actions/action-token\\?[^\\s\"<>]+");

  /** Where tenant-admin's invitations into a community point: the accept page, code in fragment. */
  private static final Pattern INVITATION_LINK =
      Pattern.compile("https?://[^\\s\"<>]+#code=[0-9A-Z]{26}");

  private static final Pattern RECIPIENT = Pattern.compile("(?i)^RCPT TO:\\s*<?([^>\\s]+)>?.*");

  private final ServerSocket server;
  private final Path folder;
  private final Consumer<String> announce;
  private final AtomicLong sequence = new AtomicLong();

  private MailCatcher(ServerSocket server, Path folder, Consumer<String> announce) {
    this.server = server;
    this.folder = folder;
    this.announce = announce;
  }

  /** Listens on 127.0.0.1:{@code port} (0: any free port), writing mail into {@code folder}. */
  public static MailCatcher start(int port, Path folder, Consumer<String> announce) {
    try {
      Files.createDirectories(folder);
      ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
      MailCatcher catcher = new MailCatcher(server, folder, announce);
      Thread accepting = new Thread(catcher::accept, "mail-catcher");
      accepting.setDaemon(true);
      accepting.start();
      return catcher;
    } catch (IOException e) {
      throw new UncheckedIOException("The mail catcher could not listen on " + port, e);
    }
  }

  public int port() {
    return server.getLocalPort();
  }

  public Path folder() {
    return folder;
  }

  /** The caught messages to {@code recipient}, oldest first, as their decoded text. */
  public static List<String> messagesTo(Path folder, String recipient) {
    List<String> messages = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return messages;
    }
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        if (file.getFileName().toString().endsWith("-" + safe(recipient) + ".eml")) {
          messages.add(decoded(Files.readString(file, StandardCharsets.UTF_8)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return messages;
  }

  /** The first Keycloak action link in a message, if it has one. */
  public static Optional<String> actionLink(String message) {
    Matcher link = ACTION_LINK.matcher(message);
    return link.find() ? Optional.of(link.group().replace("&amp;", "&")) : Optional.empty();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread session = new Thread(() -> converse(client), "mail-catcher-session");
        session.setDaemon(true);
        session.start();
      } catch (IOException e) {
        if (!server.isClosed()) {
          System.err.println("Mail catcher: " + e.getMessage());
        }
      }
    }
  }

  private void converse(Socket client) {
    try (client;
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = client.getOutputStream()) {
      reply(out, "220 red-governance mail catcher");
      List<String> recipients = new ArrayList<>();
      String line;
      while ((line = in.readLine()) != null) {
        String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line;
        switch (command) {
          case "EHLO" -> reply(out, "250-localhost\r\n250 8BITMIME");
          case "HELO", "NOOP" -> reply(out, "250 OK");
          case "MAIL" -> {
            recipients.clear();
            reply(out, "250 OK");
          }
          case "RCPT" -> {
            Matcher to = RECIPIENT.matcher(line);
            if (to.matches()) {
              recipients.add(to.group(1));
            }
            reply(out, "250 OK");
          }
          case "DATA" -> {
            reply(out, "354 End data with <CR><LF>.<CR><LF>");
            StringBuilder message = new StringBuilder();
            String data;
            while ((data = in.readLine()) != null && !data.equals(".")) {
              message.append(data.startsWith("..") ? data.substring(1) : data).append("\r\n");
            }
            keep(recipients, message.toString());
            reply(out, "250 OK caught");
          }
          case "RSET" -> {
            recipients.clear();
            reply(out, "250 OK");
          }
          case "QUIT" -> {
            reply(out, "221 Bye");
            return;
          }
          default -> reply(out, "502 Not implemented");
        }
      }
    } catch (IOException e) {
      System.err.println("Mail catcher session: " + e.getMessage());
    }
  }

  private void keep(List<String> recipients, String message) throws IOException {
    for (String recipient : recipients) {
      Path file =
          folder.resolve(
              String.format(
                  "%d-%04d-%s.eml",
                  System.currentTimeMillis(), sequence.incrementAndGet(), safe(recipient)));
      Files.writeString(file, message, StandardCharsets.UTF_8);
      String text = decoded(message);
      Matcher invitation = INVITATION_LINK.matcher(text);
      String link =
          actionLink(text).orElseGet(() -> invitation.find() ? invitation.group() : "(no link)");
      announce.accept("Mail to " + recipient + " caught in " + file + "\n  link: " + link);
    }
  }

  /**
   * The message with every base64 or quoted-printable body part decoded to text, headers kept, so
   * that a test or a developer can search it (Keycloak's zh-CN mails come base64-encoded).
   */
  static String decoded(String message) {
    StringBuilder text = new StringBuilder();
    String encoding = "";
    boolean inBody = false;
    StringBuilder part = new StringBuilder();
    for (String line : message.split("\r\n", -1)) {
      if (line.startsWith("--")) {
        text.append(decode(part.toString(), encoding));
        part.setLength(0);
        text.append(line).append('\n');
        encoding = "";
        inBody = false;
      } else if (!inBody) {
        text.append(line).append('\n');
        if (line.toLowerCase().startsWith("content-transfer-encoding:")) {
          encoding = line.substring(line.indexOf(':') + 1).strip().toLowerCase();
        }
        inBody = line.isEmpty();
      } else {
        part.append(line).append("\r\n");
      }
    }
    return text.append(decode(part.toString(), encoding)).toString();
  }

  private static String decode(String body, String encoding) {
    try {
      return switch (encoding) {
        case "base64" ->
            new String(
                Base64.getMimeDecoder().decode(body.replaceAll("\\s", "")), StandardCharsets.UTF_8);
        case "quoted-printable" -> quotedPrintable(body);
        default -> body;
      };
    } catch (IllegalArgumentException notEncodedAsSaid) {
      return body;
    }
  }

  private static String quotedPrintable(String body) {
    String joined = body.replace("=\r\n", "");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < joined.length(); i++) {
      char c = joined.charAt(i);
      if (c == '=' && i + 2 < joined.length()) {
        bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static String safe(String recipient) {
    return recipient.replaceAll("[^A-Za-z0-9@._-]", "_");
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
