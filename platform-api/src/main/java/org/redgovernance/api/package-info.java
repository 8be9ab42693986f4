/**
 * platform-api: the internet-facing GraphQL service. Features live in their own packages ({@code
 * viewer}, {@code communities}, {@code notices}); cross-cutting code only in {@code security},
 * {@code tenancy}, {@code graphql} and {@code audit}.
 */
@NullMarked
package org.redgovernance.api;

import org.jspecify.annotations.NullMarked;
