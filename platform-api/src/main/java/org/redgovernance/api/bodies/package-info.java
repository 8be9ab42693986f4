/**
 * The "five homes" (五家): a community's governance bodies with their terms (届) and members, the
 * party share of each body, and the community's headline figures that the street office compares.
 */
@NullMarked
package org.redgovernance.api.bodies;

import org.jspecify.annotations.NullMarked;
