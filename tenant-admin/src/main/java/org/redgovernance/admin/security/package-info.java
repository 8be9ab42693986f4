/** Token validation for tenant-admin, and the operator (street or platform) behind a request. */
@NullMarked
package org.redgovernance.admin.security;

import org.jspecify.annotations.NullMarked;
