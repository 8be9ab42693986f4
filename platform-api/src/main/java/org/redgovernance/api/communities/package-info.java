/**
 * Communities (the tenants) as the caller sees them: {@code community(key:)}, the {@code
 * communities} connection and the {@code Community} type other features link to. The registry
 * itself is written only by tenant-admin.
 */
@NullMarked
package org.redgovernance.api.communities;

import org.jspecify.annotations.NullMarked;
