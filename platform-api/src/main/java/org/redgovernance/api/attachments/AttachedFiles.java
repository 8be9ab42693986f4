package org.redgovernance.api.attachments;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.Refusal;
import org.redgovernance.api.graphql.UserError;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What every uploaded file is checked and named by, whichever feature it is attached to: its real
 * type from its content (never the name the client gave), its own name without folders or control
 * characters, its SHA-256, and the Content-Disposition it is sent back with.
 */
public final class AttachedFiles {

  private AttachedFiles() {}

  /** The type the content really has; anything but JPEG, PNG and PDF is refused. */
  public static String contentType(byte[] content) {
    if (starts(content, 0xFF, 0xD8, 0xFF)) {
      return "image/jpeg";
    }
    if (starts(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return "image/png";
    }
    if (starts(content, '%', 'P', 'D', 'F', '-')) {
      return "application/pdf";
    }
    throw Refusal.because(
        UserError.Code.INVALID_INPUT, "Attach a JPEG or PNG photo or a PDF document", "file");
  }

  /** The file's own name, without any folder, control characters or excess length. */
  public static String cleanName(@Nullable String fileName) {
    String name = fileName == null ? "" : fileName;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
    if (name.isEmpty()) {
      name = "附件";
    }
    return name.length() > 200 ? name.substring(name.length() - 200) : name;
  }

  /** The content's SHA-256, in hex: the same file attached twice is the same file. */
  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The header that makes a browser save the file under its name, never render it in place. */
  public static String contentDisposition(String fileName) {
    String encoded =
        java.net.URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"attachment\"; filename*=UTF-8''" + encoded;
  }

  /**
   * A stored file sent back as a download: its type and length, a name the browser saves it under
   * (never rendered in place, never sniffed as another type), no referrer, and {@code cache}.
   */
  public static ResponseEntity<InputStreamResource> sent(
      String fileName, String contentType, long size, InputStream content, CacheControl cache) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(contentType))
        .contentLength(size)
        .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(fileName))
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .cacheControl(cache)
        .body(new InputStreamResource(content));
  }

  /**
   * The answer to an upload or download a rule refused: its code and message as JSON, under the
   * HTTP status that says the same (404 for what the caller may not know of, 409 for a conflict).
   */
  public static ResponseEntity<Map<String, Object>> refused(Refusal refusal) {
    HttpStatus status =
        switch (refusal.error().code()) {
          case NOT_FOUND -> HttpStatus.NOT_FOUND;
          case FORBIDDEN, COMMUNITY_READ_ONLY -> HttpStatus.FORBIDDEN;
          case DUPLICATE, CONFLICT, ILLEGAL_TRANSITION -> HttpStatus.CONFLICT;
          default -> HttpStatus.BAD_REQUEST;
        };
    return ResponseEntity.status(status)
        .body(Map.of("code", refusal.error().code().name(), "message", refusal.error().message()));
  }

  private static boolean starts(byte[] content, int... magic) {
    if (content.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((content[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
