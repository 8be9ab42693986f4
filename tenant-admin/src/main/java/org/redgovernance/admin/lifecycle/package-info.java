/**
 * A community's life after onboarding: suspended (its own people lose access, the street keeps
 * reading), reactivated, archived (read-only for good). Each change needs a reason, is made only by
 * the admins of the community's street or the platform operator, and is audited, allowed or not.
 */
@NullMarked
package org.redgovernance.admin.lifecycle;

import org.jspecify.annotations.NullMarked;
