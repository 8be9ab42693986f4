package org.redgovernance.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.testing.GraphQlResult;

/**
 * Text no field can take — NUL, unpaired surrogates, control characters, megabytes — is refused
 * with {@code INVALID_INPUT} naming where it is, before anything runs, in variables and in literals
 * alike; it never reaches SQL as an internal error.
 */
class TextInputsIntegrationTests extends IntegrationTest {

  private static final String RESIDENT = "baiguoshu.resident";

  private GraphQlResult report(String title, String description) {
    return graphql
        .document("reportMatter")
        .as(RESIDENT)
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
  }

  private int myMatters() {
    return graphql
        .query(
            "{ community(key: \"baiguoshu\") { matters(first: 100, filter: {mine: true}) {"
                + " edges { node { id } } } } }")
        .as(RESIDENT)
        .execute()
        .data("community.matters.edges")
        .size();
  }

  @Test
  void aNulByteInAVariable_isInvalidInput_andNothingIsWritten() {
    int before = myMatters();

    GraphQlResult result = report("楼道灯\u0000坏了", "三楼的灯不亮");

    assertThat(result.errorCodes()).containsExactly("INVALID_INPUT");
    assertThat(result.body().at("/errors/0/extensions/field").asString()).isEqualTo("input.title");
    assertThat(result.toString()).contains("NUL");
    assertThat(result.data("reportMatter").isMissingNode() || result.data("reportMatter").isNull())
        .isTrue();
    assertThat(myMatters()).isEqualTo(before);
  }

  @Test
  void aNulByteInALiteral_isInvalidInput() {
    GraphQlResult result =
        graphql
            .query(
                "mutation { reportMatter(input: {communityKey: \"baiguoshu\", title: \"a\\u0000b\","
                    + " description: \"x\", category: FACILITY}) { errors { code } } }")
            .as(RESIDENT)
            .execute();

    assertThat(result.errorCodes()).containsExactly("INVALID_INPUT");
    assertThat(result.body().at("/errors/0/extensions/field").asString()).isEqualTo("input.title");
  }

  @Test
  void anUnpairedSurrogate_isInvalidInput() {
    // written by hand: a JSON library would not write a lone surrogate
    GraphQlResult result =
        graphql.postRaw(
            "{\"query\":\"query($f: ResidentFilter) { community(key: \\\"baiguoshu\\\") {"
                + " residents(filter: $f) { edges { node { id } } } } }\","
                + "\"variables\":{\"f\":{\"name\":\"\\ud800x\"}}}",
            "baiguoshu.admin");

    assertThat(result.errorCodes()).containsExactly("INVALID_INPUT");
    assertThat(result.body().at("/errors/0/extensions/field").asString()).isEqualTo("f.name");
  }

  @Test
  void controlCharacters_areInvalid_butTabsAndLineBreaksAreText() {
    assertThat(report("灯\u0007坏了", "x").errorCodes()).containsExactly("INVALID_INPUT");
    assertThat(report("灯\u001b[31m坏了", "x").errorCodes()).containsExactly("INVALID_INPUT");
    assertThat(report("灯\u0085坏了", "x").errorCodes()).containsExactly("INVALID_INPUT");

    GraphQlResult multiLine = report("楼道灯坏了", "三楼\r\n四楼\t都不亮");
    assertThat(multiLine.hasErrors()).as(multiLine.toString()).isFalse();
    assertThat(multiLine.data("reportMatter.errors").size()).isZero();
  }

  @Test
  void aHugeString_isInvalidInput_beforeAnyFeatureReadsIt() {
    GraphQlResult result = report("灯", "x".repeat(50_001));

    assertThat(result.errorCodes()).containsExactly("INVALID_INPUT");
    assertThat(result.toString()).contains("longer than 50000 characters");
  }

  @Test
  void aLongStringWithinTheLimit_isLeftToTheFieldsOwnRule() {
    GraphQlResult result = report("灯", "很".repeat(20_001));

    assertThat(result.hasErrors()).isFalse();
    assertThat(result.data("reportMatter.errors.0.code").asString()).isEqualTo("INVALID_INPUT");
    assertThat(result.data("reportMatter.errors.0.field.0").asString()).isEqualTo("description");
  }
}
