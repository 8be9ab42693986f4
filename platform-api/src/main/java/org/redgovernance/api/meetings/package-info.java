/**
 * Meetings of the five bodies: the weekly briefing (通报会) and its weekly series, deliberations,
 * theme party days and owners' assemblies. Agendas of matters and free topics, attendance marked by
 * body, minutes (published to residents as a notice), decisions that move matters on, and action
 * items. Matters move only through {@code matters.MatterSteps}; notices are posted only through
 * {@code notices.NoticeBoard}; people, bodies and posts are read through the published cards.
 */
@NullMarked
package org.redgovernance.api.meetings;

import org.jspecify.annotations.NullMarked;
