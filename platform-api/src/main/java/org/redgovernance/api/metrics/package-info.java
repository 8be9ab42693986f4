/**
 * The metric catalogue (issue 19): the figures the street office compares communities on, each
 * defined once in {@code rg.metric} (labels, definition, formula, unit, which direction is good,
 * the minimum sample below which it is not ranked) and computed by the feature it comes from
 * ({@link org.redgovernance.api.metrics.MetricSource}). {@code metrics} lists the catalogue, {@code
 * Community.metrics} a community's value of each, with its sample and as-of time.
 */
@NullMarked
package org.redgovernance.api.metrics;

import org.jspecify.annotations.NullMarked;
