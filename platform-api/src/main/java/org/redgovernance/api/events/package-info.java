/**
 * Change events for subscriptions, fanned out through PostgreSQL LISTEN/NOTIFY so that a change
 * committed through any platform-api instance reaches subscribers on every instance. Each change is
 * recorded with its position in its community (the change log, kept for {@code
 * rg.events.retention}), so that neither a listener that lost its connection nor a client that
 * comes back with its last position misses one. Events carry ids only; subscribers read the changed
 * object through their own tenant transaction.
 */
@NullMarked
package org.redgovernance.api.events;

import org.jspecify.annotations.NullMarked;
