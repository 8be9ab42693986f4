/**
 * GraphQL building blocks that platform-api and tenant-admin must declare alike, so that a front
 * end reads a date the same way from both: the {@code DateTime} and {@code Date} scalars.
 */
@NullMarked
package org.redgovernance.graphql;

import org.jspecify.annotations.NullMarked;
