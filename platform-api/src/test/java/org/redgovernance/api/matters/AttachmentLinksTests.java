package org.redgovernance.api.matters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Signed attachment links: one attachment, a few minutes, and nothing else. */
class AttachmentLinksTests {

  private static final Instant NOW = Instant.parse("2026-12-02T08:01:30Z");

  private final AttachmentLinks links = new AttachmentLinks("secret", Duration.ofMinutes(5));

  @Test
  void aLink_expiresAtTheEndOfTheNextWindow_betweenFiveAndTenMinutesAhead() {
    AttachmentLinks.Link link = links.link("A", NOW);

    assertThat(link.expiresAt()).isEqualTo(Instant.parse("2026-12-02T08:10:00Z"));
    assertThat(links.link("A", NOW.plusSeconds(100))).isEqualTo(link);
    assertThat(Duration.between(NOW, link.expiresAt()))
        .isBetween(Duration.ofMinutes(5), Duration.ofMinutes(10));
  }

  @Test
  void aLink_isValidForItsAttachmentUntilItExpires_andNeverAfter() {
    AttachmentLinks.Link link = links.link("A", NOW);
    long expires = link.expiresAt().getEpochSecond();
    String signature = link.url().substring(link.url().indexOf("&signature=") + 11);

    assertThat(links.valid("A", expires, signature, NOW)).isTrue();
    assertThat(links.valid("A", expires, signature, link.expiresAt().minusSeconds(1))).isTrue();
    assertThat(links.valid("A", expires, signature, link.expiresAt())).isFalse();
    assertThat(links.valid("B", expires, signature, NOW)).as("another attachment").isFalse();
    assertThat(links.valid("A", expires + 300, signature, NOW)).as("a later expiry").isFalse();
    assertThat(links.valid("A", expires, null, NOW)).isFalse();
    assertThat(links.valid("A", expires, "", NOW)).isFalse();
  }

  @Test
  void aLinkMadeWithAnotherKey_orReachingTooFarAhead_isRefused() {
    AttachmentLinks other = new AttachmentLinks("another secret", Duration.ofMinutes(5));
    AttachmentLinks.Link link = other.link("A", NOW);
    String signature = link.url().substring(link.url().indexOf("&signature=") + 11);
    assertThat(links.valid("A", link.expiresAt().getEpochSecond(), signature, NOW)).isFalse();

    AttachmentLinks.Link future = links.link("A", NOW.plus(Duration.ofDays(1)));
    String futureSignature = future.url().substring(future.url().indexOf("&signature=") + 11);
    assertThat(links.valid("A", future.expiresAt().getEpochSecond(), futureSignature, NOW))
        .as("signed here, but for a day ahead")
        .isFalse();
  }
}
