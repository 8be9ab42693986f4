package org.redgovernance.api.events;

/**
 * A change as the change log recorded it: the change and its position in its community (1, 2, 3 …
 * in commit order), which is how a listener and a subscriber know whether they missed one.
 */
public record RecordedChange(ChangeEvent change, long position) {}
