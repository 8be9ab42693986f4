package org.redgovernance.api.events;

/**
 * A change delivered to one subscription, with the subscription's position after it: an opaque text
 * that, passed back as {@code after} when subscribing again, delivers what happened since.
 */
public record FollowedChange(ChangeEvent change, String position) {}
