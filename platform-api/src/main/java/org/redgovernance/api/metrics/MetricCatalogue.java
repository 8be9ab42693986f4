package org.redgovernance.api.metrics;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Holds the catalogue and its computations together: at start, every metric of {@code rg.metric}
 * must have exactly one source, and every source a row; otherwise the service does not start (a
 * metric nobody computes, or a computation no definition describes, is the "same label, different
 * number" of issue 19 waiting to happen).
 */
@Component
class MetricCatalogue implements SmartInitializingSingleton {

  private final DSLContext dsl;
  private final List<MetricSource> sources;

  MetricCatalogue(DSLContext dsl, List<MetricSource> sources) {
    this.dsl = dsl;
    this.sources = sources;
  }

  @Override
  public void afterSingletonsInstantiated() {
    List<String> problems = problems(MetricModels.catalogueKeys(dsl));
    if (!problems.isEmpty()) {
      throw new IllegalStateException("The metric catalogue and its sources differ: " + problems);
    }
  }

  /** What differs between the catalogue's keys and the sources'. */
  List<String> problems(Set<String> catalogue) {
    List<String> keys = sources.stream().map(MetricSource::key).toList();
    Set<String> declared = new TreeSet<>(keys);
    List<String> problems = new java.util.ArrayList<>();
    if (declared.size() != keys.size()) {
      problems.add(
          "keys with several sources: "
              + keys.stream()
                  .filter(key -> keys.indexOf(key) != keys.lastIndexOf(key))
                  .collect(Collectors.toCollection(TreeSet::new)));
    }
    Set<String> uncomputed = new TreeSet<>(catalogue);
    uncomputed.removeAll(declared);
    if (!uncomputed.isEmpty()) {
      problems.add("metrics without a source: " + uncomputed);
    }
    Set<String> undefined = new TreeSet<>(declared);
    undefined.removeAll(catalogue);
    if (!undefined.isEmpty()) {
      problems.add("sources of no metric: " + undefined);
    }
    return problems;
  }
}
