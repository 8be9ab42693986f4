package org.redgovernance.api.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A secret's slot in an answer is replaced by its revealed value, written as a JSON string. */
class SecretSlotsTests {

  private static final UUID COMMUNITY = UUID.fromString("0190d2a0-0000-7000-8000-000000000001");
  private static final UUID RESIDENT = UUID.fromString("0190d2a0-0000-7000-8000-0000000000aa");

  @Test
  void everySlotOfEveryAnswer_isRevealedInOneCall_inOrder() {
    List<List<Secret>> calls = new ArrayList<>();
    List<byte[]> revealed =
        SecretSlots.reveal(
            List.of(
                bytes("{\"a\":" + slot("PHONE", "0a0b") + ",\"b\":" + slot("ID_CARD", "ff") + "}"),
                bytes("[" + slot("PHONE", "01") + "]"),
                bytes("{\"none\":null}")),
            secrets -> {
              calls.add(secrets);
              return List.of("13800000000", "33020119900101001X", "say \"hi\"\n");
            });

    assertThat(calls).hasSize(1);
    assertThat(calls.get(0)).extracting(Secret::kind).containsExactly("PHONE", "ID_CARD", "PHONE");
    assertThat(calls.get(0).get(0).cipher()).containsExactly(0x0a, 0x0b);
    assertThat(calls.get(0).get(0).communityId()).isEqualTo(COMMUNITY);
    assertThat(calls.get(0).get(0).subjectId()).isEqualTo(RESIDENT);
    assertThat(text(revealed.get(0)))
        .isEqualTo("{\"a\":\"13800000000\",\"b\":\"33020119900101001X\"}");
    // revealed values are escaped as any JSON string
    assertThat(text(revealed.get(1))).isEqualTo("[\"say \\\"hi\\\"\\n\"]");
    assertThat(text(revealed.get(2))).isEqualTo("{\"none\":null}");
  }

  @Test
  void answersWithoutSlots_neverAskTheKeeper() {
    List<byte[]> answers = List.of(bytes("{\"phone\":\"138****0000\"}"));

    assertThat(
            SecretSlots.reveal(
                answers,
                secrets -> {
                  throw new AssertionError("asked for " + secrets);
                }))
        .isSameAs(answers);
  }

  @Test
  void aMalformedSlot_orAKeeperThatAnswersForOtherSecrets_failsLoudly() {
    assertThatThrownBy(() -> SecretSlots.reveal(List.of(bytes("\u0003PHONE:x")), s -> List.of()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () -> SecretSlots.reveal(List.of(bytes("\u0003PHONE:1:2:zz\u0004")), s -> List.of()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () -> SecretSlots.reveal(List.of(bytes(slot("PHONE", "01"))), s -> List.of()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aKindIsUpperCaseLettersOnly_soThatASlotCannotBeForged() {
    assertThatThrownBy(
            () ->
                SecretSlots.slot(
                    "phone:x",
                    org.jooq.impl.DSL.val(COMMUNITY),
                    org.jooq.impl.DSL.val(RESIDENT),
                    org.jooq.impl.DSL.val(new byte[] {1})))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String slot(String kind, String hex) {
    return "\u0003" + kind + ":" + COMMUNITY + ":" + RESIDENT + ":" + hex + "\u0004";
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
