package org.redgovernance.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** The catalogue and its computations are held together: every metric one source, no more. */
class MetricCatalogueTests {

  private static MetricSource source(String key) {
    return MetricSource.count(key, (community, today) -> DSL.inline(1));
  }

  @Test
  void aCatalogueWhoseMetricsEachHaveOneSource_isWhole() {
    MetricCatalogue catalogue = new MetricCatalogue(null, List.of(source("a"), source("b")));
    assertThat(catalogue.problems(Set.of("a", "b"))).isEmpty();
  }

  @Test
  void aMetricWithoutASource_aSourceWithoutAMetric_andTwoSourcesOfOne_areEachSaid() {
    MetricCatalogue catalogue =
        new MetricCatalogue(null, List.of(source("a"), source("a"), source("orphan")));
    assertThat(catalogue.problems(Set.of("a", "uncomputed")))
        .containsExactly(
            "keys with several sources: [a]",
            "metrics without a source: [uncomputed]",
            "sources of no metric: [orphan]");
  }
}
