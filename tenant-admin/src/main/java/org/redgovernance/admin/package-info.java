/**
 * tenant-admin: the internal service for the street office and community admins. Features ({@code
 * registry}, later onboarding and access management) in their own packages; cross-cutting code in
 * {@code security} and {@code identity}.
 */
@NullMarked
package org.redgovernance.admin;

import org.jspecify.annotations.NullMarked;
