/**
 * Erasing a community as PIPL requires: after it was closed (suspended or archived) and exported,
 * every row of its tenant tables is deleted and every role holder leaves its Keycloak groups; the
 * registry keeps its key, name and anonymous statistics, status ERASED. The archive can be imported
 * again (package archive).
 */
@NullMarked
package org.redgovernance.admin.erasure;

import org.jspecify.annotations.NullMarked;
