/**
 * {@code acceptInvitation}: the invited person's side of an invitation into a community.
 * tenant-admin sends the code to an e-mail address or mobile number; whoever holds it accepts here,
 * signed in with any account of the realm (one registered a minute ago included), and tenant-admin
 * grants the role. This service holds no Keycloak rights and reads no invitation: it hands the
 * code's digest and the caller to {@code rg.accept_invitation}, which alone may touch the table.
 */
@NullMarked
package org.redgovernance.api.invitations;

import org.jspecify.annotations.NullMarked;
