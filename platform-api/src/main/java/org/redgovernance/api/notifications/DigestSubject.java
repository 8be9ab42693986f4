package org.redgovernance.api.notifications;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * A digest as the dispatcher asks about it before it goes out: its one recipient, while they still
 * want digests (a person who turned them off meanwhile gets none). Its text is written when it is
 * made ({@link NotificationDigests}), so templates ask it for nothing.
 */
@Component
class DigestSubject implements NotificationSubject {

  static final String TYPE = "NotificationDigest";
  static final String RECIPIENT = "RECIPIENT";

  private final DigestRepository digests;

  DigestSubject(DigestRepository digests) {
    this.digests = digests;
  }

  @Override
  public String subjectType() {
    return TYPE;
  }

  @Override
  public Set<String> recipients(DSLContext dsl, UUID communityId, UUID id, String audience) {
    return RECIPIENT.equals(audience) ? digests.recipient(dsl, communityId, id) : Set.of();
  }

  @Override
  public Map<String, String> values(DSLContext dsl, UUID communityId, UUID id) {
    return Map.of();
  }
}
