/**
 * Onboarding a community in one mutation: the registry row, every community role group in Keycloak,
 * seed configuration (the five bodies, matter subcategories, a Pioneer Post) and the first
 * community admin's invitation. Every step is idempotent and the community stays ONBOARDING until
 * the last one is done, so a retry after any failure resumes where it stopped.
 */
@NullMarked
package org.redgovernance.admin.onboarding;

import org.jspecify.annotations.NullMarked;
