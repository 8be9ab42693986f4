/**
 * Community notices (通知公告): published by a community's admin or secretary, read by every role of
 * the community according to the notice's audience, withdrawn with a reason.
 */
@NullMarked
package org.redgovernance.api.notices;

import org.jspecify.annotations.NullMarked;
