package org.redgovernance.endtoend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core run in the page the browser shows (WCAG 2 A and AA rules): the serious and critical
 * violations, each as "rule: the first offending element". axe-core comes from its webjar on the
 * test classpath, injected into the page; the page itself never loads it.
 */
final class Accessibility {

  private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

  private Accessibility() {}

  static List<String> seriousViolations(JavascriptExecutor page) {
    page.executeScript(axeSource());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> violations =
        (List<Map<String, Object>>)
            page.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + " axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})"
                    + ".then(r => done(r.violations.filter(v => v.impact === 'serious'"
                    + " || v.impact === 'critical').map(v => ({id: v.id,"
                    + " target: String(v.nodes[0].target), html: v.nodes[0].html}))))"
                    + ".catch(e => done([{id: 'axe-failed', target: String(e), html: ''}]));");
    return violations.stream()
        .map(v -> v.get("id") + ": " + v.get("target") + " " + v.get("html"))
        .toList();
  }

  private static String axeSource() {
    try (InputStream in = Accessibility.class.getClassLoader().getResourceAsStream(AXE)) {
      if (in == null) {
        throw new IllegalStateException("axe-core is not on the test classpath: " + AXE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
