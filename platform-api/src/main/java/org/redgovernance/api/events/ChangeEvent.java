package org.redgovernance.api.events;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Something changed: which kind of object ({@code topic}, e.g. "notice"), in which community, which
 * object, and how ({@code kind}, e.g. "PUBLISHED"); {@code recipient}, the Keycloak subject of the
 * one person it is for when it is for one person only (a notification), else null.
 */
public record ChangeEvent(
    String topic, UUID communityId, UUID subjectId, String kind, @Nullable String recipient) {

  /** An event for everyone who may see the object. */
  public ChangeEvent(String topic, UUID communityId, UUID subjectId, String kind) {
    this(topic, communityId, subjectId, kind, null);
  }
}
