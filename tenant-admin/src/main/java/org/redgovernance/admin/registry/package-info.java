/**
 * The tenant registry as the street office sees it: streets and their communities with their
 * lifecycle status, and what is kept of erased ones ({@link
 * org.redgovernance.admin.registry.ErasedStatistics}).
 */
@NullMarked
package org.redgovernance.admin.registry;

import org.jspecify.annotations.NullMarked;
