/**
 * Where and with whom the community serves: its service posts (先锋驿站, 健康生活馆, 网格支部 …) and its partner
 * organisations (共建单位). Readable by every role of the community.
 */
@NullMarked
package org.redgovernance.api.venues;

import org.jspecify.annotations.NullMarked;
