/**
 * Change events for subscriptions, fanned out through PostgreSQL LISTEN/NOTIFY so that a change
 * committed through any platform-api instance reaches subscribers on every instance. Events carry
 * ids only; subscribers read the changed object through their own tenant transaction.
 */
@NullMarked
package org.redgovernance.api.events;

import org.jspecify.annotations.NullMarked;
