package org.redgovernance.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.redgovernance.testing.GraphQlHttp;
import org.redgovernance.testing.GraphQlResult;

/** Matters reported through platform-api as Baiguoshu's demo resident reports them. */
final class Reports {

  private Reports() {}

  /** The resident reports a facility matter with {@code title}; its global id. */
  static String byTheResident(GraphQlHttp api, String title, String description) {
    GraphQlResult reported =
        api.query(
                "mutation($input: ReportMatterInput!) { reportMatter(input: $input) {"
                    + " matter { id } errors { code } } }")
            .as("baiguoshu.resident")
            .variable(
                "input",
                Map.of(
                    "communityKey",
                    "baiguoshu",
                    "title",
                    title,
                    "description",
                    description,
                    "category",
                    "FACILITY"))
            .execute();
    assertThat(reported.data("reportMatter.errors").size()).as(reported.toString()).isZero();
    return reported.data("reportMatter.matter.id").asString();
  }
}
