/**
 * The community roster (花名册): grids, buildings, households, residents and party members — the
 * community's own picture of itself that every other feature references. Phone and ID-card numbers
 * are personal information: encrypted at rest, masked unless the caller's role needs them, and
 * every unmasked read recorded.
 */
@NullMarked
package org.redgovernance.api.roster;

import org.jspecify.annotations.NullMarked;
