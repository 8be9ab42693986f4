package org.redgovernance.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The firewall's header rule is Spring Security's, only cheaper. */
class HeaderFirewallTests {

  /** Spring Security's default rule for header names and values. */
  private static final Pattern SPRING_RULE =
      Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

  @Test
  void everyCodePoint_isJudgedAsSpringSecuritysRegexJudgesIt() {
    for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
      String text = "Bearer " + Character.toString(codePoint);
      assertThat(HeaderFirewall.allowed(text))
          .as("U+%04X", codePoint)
          .isEqualTo(SPRING_RULE.matcher(text).matches());
    }
  }

  @Test
  void tokensAndChineseText_areAllowed_controlCharactersAnywhere_areNot() {
    assertThat(HeaderFirewall.allowed("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")).isTrue();
    assertThat(HeaderFirewall.allowed("白果树社区")).isTrue();
    assertThat(HeaderFirewall.allowed("")).isTrue();
    assertThat(HeaderFirewall.allowed("baiguoshu\u0000")).isFalse();
    assertThat(HeaderFirewall.allowed("\u0085baiguoshu")).isFalse();
    assertThat(HeaderFirewall.allowed("bai\u007fguoshu")).isFalse();
    assertThat(HeaderFirewall.allowed("unassigned \uDB7F\uDFFF")).isFalse();
  }

  @Test
  void aLongValue_readAgain_isJudgedTheSame_andAnAllowedOneNeverVouchesForAnother() {
    String token = "Bearer " + "a".repeat(1500);
    String forged = "Bearer " + "a".repeat(1499) + "\u0000";

    for (int read = 0; read < 3; read++) {
      assertThat(HeaderFirewall.allowed(token)).isTrue();
      assertThat(HeaderFirewall.allowed(forged)).isFalse();
    }
    // equal text in another string: judged on its own
    assertThat(HeaderFirewall.allowed(new String(token.toCharArray()))).isTrue();
  }
}
