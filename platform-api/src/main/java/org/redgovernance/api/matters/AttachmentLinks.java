package org.redgovernance.api.matters;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.readmodel.Secret;
import org.redgovernance.api.readmodel.SecretKeeper;
import org.redgovernance.api.tenancy.AccessScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Short-lived signed links to a matter's files, so that a browser shows a photo with {@code <img
 * src>}, which sends no Authorization header. A link names one attachment and the second it
 * expires, signed with HMAC-SHA256 under a key every instance derives from the configured secret
 * ({@code rg.attachments.link-key}, else {@code rg.personal-data.key}, under its own label so the
 * two uses never share a key).
 *
 * <p>Expiry falls on the end of the next whole window of {@code rg.attachments.link-lifetime}
 * (default 5 minutes): a link is valid between one and two windows, and everyone asking within a
 * window gets the same URL, which the browser's cache can keep.
 */
@Component
class AttachmentLinks implements SecretKeeper {

  /** Where the API serves a matter's files, by the attachment's global ID. */
  static final String PATH = "/matter-attachments/";

  /**
   * The read model's slot of a signed link ({@code MatterAttachment.signedUrl}): the attachment,
   * and the second the link expires as its text.
   */
  static final String KIND = "ATTACHMENT_LINK";

  private static final String LABEL = "rg matter-attachment links v1";
  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

  private final SecretKeySpec key;
  private final long window;

  AttachmentLinks(
      @Value("${rg.attachments.link-key:${rg.personal-data.key:}}") String secret,
      @Value("${rg.attachments.link-lifetime:PT5M}") Duration lifetime) {
    if (secret.isBlank()) {
      throw new IllegalStateException(
          "No key for attachment links (rg.attachments.link-key or rg.personal-data.key)");
    }
    byte[] derived =
        hmac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"), LABEL);
    this.key = new SecretKeySpec(derived, "HmacSHA256");
    this.window = Math.max(1, lifetime.toSeconds());
  }

  /** A signed link to the attachment with this global ID, valid for one to two windows. */
  Link link(String attachmentId, Instant now) {
    long expires = expiry(now).getEpochSecond();
    return new Link(url(attachmentId, expires), Instant.ofEpochSecond(expires));
  }

  @Override
  public Set<String> kinds() {
    return Set.of(KIND);
  }

  /** Links are signed in Java: nothing is read or recorded. */
  @Override
  public boolean computesOnly() {
    return true;
  }

  /** The signed links of a compiled answer's slots; nothing is recorded. */
  @Override
  public List<String> reveal(DSLContext dsl, AccessScope scope, List<Secret> slots) {
    return slots.stream()
        .map(
            slot ->
                url(
                    GlobalId.of(MatterTypes.ATTACHMENT, slot.communityId(), slot.subjectId()),
                    Long.parseLong(new String(slot.cipher(), StandardCharsets.US_ASCII))))
        .toList();
  }

  private String url(String attachmentId, long expires) {
    return PATH
        + attachmentId
        + "?expires="
        + expires
        + "&signature="
        + signature(attachmentId, expires);
  }

  /** When a link made {@code now} expires: the end of the next whole window. */
  Instant expiry(Instant now) {
    return Instant.ofEpochSecond((now.getEpochSecond() / window + 2) * window);
  }

  /**
   * Whether the link's parts were signed here for this attachment and it has not expired. A link
   * expiring further ahead than two windows was not made here and is refused.
   */
  boolean valid(String attachmentId, long expires, @Nullable String signature, Instant now) {
    long nowSeconds = now.getEpochSecond();
    if (signature == null || expires <= nowSeconds || expires > nowSeconds + 2 * window) {
      return false;
    }
    return MessageDigest.isEqual(
        signature(attachmentId, expires).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }

  private String signature(String attachmentId, long expires) {
    return BASE64.encodeToString(hmac(key, attachmentId + "\n" + expires));
  }

  private static byte[] hmac(SecretKeySpec key, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A signed link and when it stops working. */
  record Link(String url, Instant expiresAt) {}
}
