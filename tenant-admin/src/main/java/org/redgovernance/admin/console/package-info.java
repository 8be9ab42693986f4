/**
 * The street office console: a web app tenant-admin serves at {@code /console/} — its page,
 * scripts, GraphQL documents and the chart library, all from the classpath — which works only
 * through the public GraphQL APIs of tenant-admin and platform-api with the person's own token.
 */
@NullMarked
package org.redgovernance.admin.console;

import org.jspecify.annotations.NullMarked;
