/** {@code viewer}: who the caller is and which roles they hold in which streets and communities. */
@NullMarked
package org.redgovernance.api.viewer;

import org.jspecify.annotations.NullMarked;
