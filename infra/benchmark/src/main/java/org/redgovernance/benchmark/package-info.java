/**
 * The side-by-side benchmark of platform-api and PostGraphile 5 (issue 6): the data set of a street
 * of many communities at Baiguoshu's scale, generated deterministically, and the harness that
 * serves it to both and drives them with the same load.
 */
@NullMarked
package org.redgovernance.benchmark;

import org.jspecify.annotations.NullMarked;
