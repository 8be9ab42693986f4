/**
 * What platform-api, tenant-admin and their browser pages must do alike: the {@code DateTime} and
 * {@code Date} scalars, so that a front end reads a date the same way from both services, and (as a
 * resource, {@code rg-web/oidc-pkce.js}) the browser login with PKCE that GraphiQL and the
 * reference app share.
 */
@NullMarked
package org.redgovernance.graphql;

import org.jspecify.annotations.NullMarked;
