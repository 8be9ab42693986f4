/** {@code viewer}: who the caller is and which roles they hold in which streets and communities. */
package org.redgovernance.api.viewer;
