package org.redgovernance.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorableTextTests {

  @Test
  void ordinaryTextInAnyScript_withTabsAndLineBreaks_isStorable() {
    assertThat(StorableText.problem("白果树社区 Baiguoshu\t第一网格\r\n😀 𠀀", 100)).isEmpty();
  }

  @Test
  void nul_unpairedSurrogates_andControlCharacters_areNot() {
    assertThat(StorableText.problem("a\u0000b", 100)).get().asString().contains("NUL");
    assertThat(StorableText.problem("a\ud800b", 100)).get().asString().contains("surrogate");
    assertThat(StorableText.problem("a\udc00", 100)).get().asString().contains("surrogate");
    assertThat(StorableText.problem("end\ud83d", 100)).get().asString().contains("surrogate");
    for (char c : new char[] {'\u0001', '\u0007', '\u000b', '\u001b', '\u007f', '\u0085'}) {
      assertThat(StorableText.problem("a" + c, 100)).as("U+%04X", (int) c).isPresent();
    }
  }

  @Test
  void lengthIsCountedInCharacters() {
    assertThat(StorableText.problem("很".repeat(10), 10)).isEmpty();
    assertThat(StorableText.problem("很".repeat(11), 10))
        .get()
        .asString()
        .contains("longer than 10");
  }

  @Test
  void find_walksMapsListsAndKeys_andNamesThePath() {
    Object value = Map.of("input", Map.of("title", "ok", "tags", List.of("fine", "bad\u0000")));
    assertThat(StorableText.find(value, "", 100))
        .get()
        .satisfies(
            problem -> {
              assertThat(problem.path()).isEqualTo("input.tags[1]");
              assertThat(problem.message()).startsWith("The value of input.tags[1] holds a NUL");
            });
    assertThat(StorableText.find(Map.of("bad\u0007key", 1), "", 100)).isPresent();
    assertThat(StorableText.find(Map.of("n", 5, "b", true), "", 100)).isEmpty();
  }
}
