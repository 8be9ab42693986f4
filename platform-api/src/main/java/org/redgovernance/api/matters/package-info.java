/**
 * Matters raised by residents (居民说事): reporting, the workflow from report to the reporter's rating
 * with its append-only timeline, "me too" support and comments, what residents and staff each see,
 * live matter events and the community's matter figures. People, places and bodies are read only
 * through the cards the roster and the bodies publish ({@code rg.*_card} views).
 */
@NullMarked
package org.redgovernance.api.matters;

import org.jspecify.annotations.NullMarked;
