package org.redgovernance.api.events;

import java.util.UUID;

/**
 * Something changed: which kind of object ({@code topic}, e.g. "notice"), in which community, which
 * object, and how ({@code kind}, e.g. "PUBLISHED").
 */
public record ChangeEvent(String topic, UUID communityId, UUID subjectId, String kind) {}
