/** Token validation for tenant-admin, and the operator (street or platform) behind a request. */
package org.redgovernance.admin.security;
