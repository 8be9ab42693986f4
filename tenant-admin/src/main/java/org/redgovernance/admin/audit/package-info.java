/**
 * The append-only log of every tenant-admin action, allowed or refused, and its query for the
 * admins of a street.
 */
@NullMarked
package org.redgovernance.admin.audit;

import org.jspecify.annotations.NullMarked;
