/**
 * Who is calling: the OAuth2 resource server that validates Keycloak tokens (signature through
 * cached JWKS, issuer, audience, expiry) and the {@link org.redgovernance.api.security.Caller} read
 * from a valid token, with the street and community roles its groups grant.
 */
@NullMarked
package org.redgovernance.api.security;

import org.jspecify.annotations.NullMarked;
