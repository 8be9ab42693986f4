package org.redgovernance.api.readmodel;

import java.util.UUID;

/**
 * A value stored encrypted that a compiled answer holds in its place ({@link SecretSlots}) until
 * the {@link SecretKeeper} of its kind reveals it: what it is ({@code kind}, e.g. a resident's
 * {@code PHONE}), whose it is, and its cipher text.
 */
public record Secret(String kind, UUID communityId, UUID subjectId, byte[] cipher) {}
