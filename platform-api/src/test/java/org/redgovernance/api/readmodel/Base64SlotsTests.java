package org.redgovernance.api.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The slots PostgreSQL leaves in a rendered answer become the base64url Java would write. */
class Base64SlotsTests {

  private static String slot(String text) {
    return Base64Slots.opening(text.getBytes(StandardCharsets.UTF_8).length) + text;
  }

  private static String encoded(String answer) {
    return new String(
        Base64Slots.encode(answer.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }

  private static String base64Url(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anAnswerWithoutSlots_isGivenBackAsItIs() {
    byte[] answer = "{\"name\":\"宋敏\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(Base64Slots.encode(answer)).isSameAs(answer);
  }

  @Test
  void eachSlot_becomesTheBase64UrlOfItsText_andTheRestIsKept() {
    Random random = new Random(61);
    for (int i = 0; i < 500; i++) {
      StringBuilder answer = new StringBuilder("{");
      StringBuilder expected = new StringBuilder("{");
      for (int field = 0; field < random.nextInt(6); field++) {
        String text = text(random);
        String other = "\"n" + field + "\":\"白果树 " + random.nextInt(1000) + "\",";
        answer.append(other).append("\"id\":\"").append(slot(text)).append("\",");
        expected.append(other).append("\"id\":\"").append(base64Url(text)).append("\",");
      }
      answer.append('}');
      expected.append('}');

      assertThat(encoded(answer.toString())).isEqualTo(expected.toString());
    }
  }

  /** Any text of any length: ASCII, Chinese, and the slot's own control characters. */
  private static String text(Random random) {
    String[] pieces = {"Household:", "c837-66f0", "白果树", "\u0001", "\u0002", "9", "|", "?", ""};
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < random.nextInt(30); i++) {
      text.append(pieces[random.nextInt(pieces.length)]);
    }
    return text.toString();
  }

  @Test
  void aSlotThatDoesNotAddUp_isRefused_notWrittenHalfEncoded() {
    assertThatThrownBy(() -> encoded("\"" + Base64Slots.opening(40) + "short\""))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> encoded("\"\u0001x\u0002abc\""))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> encoded("\"\u00013abc\"")).isInstanceOf(IllegalStateException.class);
  }
}
