/** What operators watch of tenant-admin: the same as of platform-api (infra/monitoring). */
@NullMarked
package org.redgovernance.admin.monitoring;

import org.jspecify.annotations.NullMarked;
