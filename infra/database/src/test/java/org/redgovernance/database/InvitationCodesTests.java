package org.redgovernance.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Invitation codes: hard to guess, forgiving to type, digested the same by both services. */
class InvitationCodesTests {

  @Test
  void freshCodes_are26CharactersOfCrockfordBase32_andNeverRepeat() {
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String code = InvitationCodes.fresh();
      assertThat(code).hasSize(26).matches("[0-9A-HJKMNP-TV-Z]+");
      assertThat(InvitationCodes.wellFormed(code)).isTrue();
      codes.add(code);
    }
    assertThat(codes).hasSize(10_000);
  }

  @Test
  void caseSpacesDashesAndLookAlikeLetters_doNotChangeTheDigest() {
    String code = "0123456789ABCDEFGHJKMNPQRS";
    byte[] digest = InvitationCodes.digest(code);
    assertThat(InvitationCodes.digest(" 0123-4567 89ab cdef ghjk mnpq rs ")).isEqualTo(digest);
    assertThat(InvitationCodes.digest("O123456789ABCDEFGHJKMNPQRS")).isEqualTo(digest);
    assertThat(InvitationCodes.digest("0I23456789ABCDEFGHJKMNPQRS")).isEqualTo(digest);
    assertThat(digest).hasSize(32);
    assertThat(InvitationCodes.digest("0123456789ABCDEFGHJKMNPQRT")).isNotEqualTo(digest);
  }

  @Test
  void textThatCannotBeACode_isNotWellFormed() {
    assertThat(InvitationCodes.wellFormed("")).isFalse();
    assertThat(InvitationCodes.wellFormed("0123456789ABCDEFGHJKMNPQR")).isFalse();
    assertThat(InvitationCodes.wellFormed("0123456789ABCDEFGHJKMNPQRSU")).isFalse();
    assertThat(InvitationCodes.wellFormed("0123456789ABCDEFGHJKMNPQR\u0000")).isFalse();
    assertThat(InvitationCodes.wellFormed("0123456789ABCDEFGHJKMNPQRU")).isFalse();
  }
}
