package org.redgovernance.api.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Marks PostgreSQL writes into a compiled answer are found at their paths, whatever the text around
 * them holds: refusals become null with an error at the path, deferred fields take the answer apart
 * only on the way to them.
 */
class AnswerMarksTests {

  private static final UUID COMMUNITY = UUID.fromString("0190d2a0-0000-7000-8000-000000000001");

  @Test
  void refusalMarks_becomeNull_andTellTheirPath_pastTextsThatLookLikeStructure() {
    byte[] answer =
        bytes(
            "{\"a\":\"[{,\\\"}\",\"edges\":[{\"node\":{\"grids\":\u00050\u0006}},"
                + "{\"node\":{\"x\":[1,2],\"grids\":\u00051\u0006}}],\"z\":\u00050\u0006}");

    RefusalMarks.Unmarked unmarked = RefusalMarks.unmark(answer);

    assertThat(text(unmarked.answer()))
        .isEqualTo(
            "{\"a\":\"[{,\\\"}\",\"edges\":[{\"node\":{\"grids\":null}},"
                + "{\"node\":{\"x\":[1,2],\"grids\":null}}],\"z\":null}");
    assertThat(unmarked.found())
        .containsExactly(
            new RefusalMarks.Found(List.of("edges", 0, "node", "grids"), 0),
            new RefusalMarks.Found(List.of("edges", 1, "node", "grids"), 1),
            new RefusalMarks.Found(List.of("z"), 0));
  }

  @Test
  void anAnswerWithoutMarks_isLeftAsItIs() {
    byte[] answer = bytes("{\"a\":[1,{\"b\":\"\\u0005\"}]}");

    assertThat(RefusalMarks.unmark(answer).answer()).isSameAs(answer);
    assertThat(RefusalMarks.unmark(answer).found()).isEmpty();
  }

  @Test
  void deferredFields_splitTheAnswerOnlyOnTheWayToThem() {
    UUID id = UUID.fromString("0190d2a0-0000-7000-8000-0000000000aa");
    byte[] answer =
        bytes(
            "{\"totalCount\":3,\"edges\":[{\"node\":{\"title\":\"a \\\"q\\\" [\",\"community\":{"
                + "\"key\":\"k\",\"matters\":\u00070:"
                + COMMUNITY
                + ":"
                + id
                + "\u0008}}},{\"node\":{\"title\":\"b\",\"community\":null}}]}");

    Object tree =
        Deferrals.split(
            answer,
            List.of(new Deferrals.Deferral("Community", "matters")),
            found -> {
              assertThat(found.id()).isEqualTo(new GlobalIdParts(COMMUNITY, id));
              return new CompiledObject.JavaField("the community");
            });

    CompiledObject root = (CompiledObject) tree;
    assertThat(root.get("totalCount").toString()).isEqualTo("3");
    List<?> edges = (List<?>) root.get("edges");
    assertThat(edges.get(1).toString())
        .isEqualTo("{\"node\":{\"title\":\"b\",\"community\":null}}");
    CompiledObject node = (CompiledObject) ((CompiledObject) edges.get(0)).get("node");
    assertThat(node.get("title").toString()).isEqualTo("\"a \\\"q\\\" [\"");
    CompiledObject community = (CompiledObject) node.get("community");
    assertThat(community.typeName()).isEqualTo("Community");
    assertThat(community.get("key").toString()).isEqualTo("\"k\"");
    assertThat(community.get("matters")).isEqualTo(new CompiledObject.JavaField("the community"));
  }

  @Test
  void aMalformedMark_failsLoudly() {
    assertThatThrownBy(() -> RefusalMarks.unmark(bytes("{\"a\":\u0005x\u0006}")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> RefusalMarks.unmark(bytes("{\"a\":\u00051")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () ->
                Deferrals.split(
                    bytes("{\"a\":\u00079:x:y\u0008}"),
                    List.of(),
                    found -> new CompiledObject.JavaField(null)))
        .isInstanceOf(IllegalStateException.class);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
