package org.redgovernance.admin.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.redgovernance.testing.Tokens;

/** Community archives over tenant-admin's HTTP endpoints, and their entries. */
public final class Archives {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final int port;

  public Archives(int port) {
    this.port = port;
  }

  /** {@code GET /communities/{key}/archive} as the user. */
  public HttpResponse<byte[]> export(String user, String key) {
    return send(
        HttpRequest.newBuilder(uri(key)).header("Authorization", "Bearer " + Tokens.of(user)));
  }

  /** {@code POST /communities/{key}/archive} with the archive as the body. */
  public HttpResponse<String> importInto(String user, String key, byte[] archive) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(uri(key))
              .header("Authorization", "Bearer " + Tokens.of(user))
              .header("Content-Type", "application/zip")
              .POST(HttpRequest.BodyPublishers.ofByteArray(archive))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An export that must succeed: its entries by name. */
  public Map<String, byte[]> exportEntries(String user, String key) {
    HttpResponse<byte[]> response = export(user, key);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Export of " + key + ": " + response.statusCode());
    }
    return unzip(response.body());
  }

  public static Map<String, byte[]> unzip(byte[] zip) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  public static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(entry.getKey()));
        out.write(entry.getValue());
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The non-empty lines of an entry. */
  public static List<String> lines(byte[] entry) {
    List<String> lines = new ArrayList<>();
    for (String line : new String(entry, StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        lines.add(line);
      }
    }
    return lines;
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String key) {
    return URI.create("http://127.0.0.1:" + port + "/communities/" + key + "/archive");
  }
}
