package org.redgovernance.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PersonalDataTests {

  private final PersonalDataCipher cipher =
      PersonalDataCipher.fromBase64(PersonalDataCipher.generateKey());

  @Test
  void encrypt_roundTripsAndNeverRepeatsACiphertext() {
    byte[] once = cipher.encrypt("13812345678");
    byte[] twice = cipher.encrypt("13812345678");

    assertThat(cipher.decrypt(once)).isEqualTo("13812345678");
    assertThat(once).isNotEqualTo(twice);
    assertThat(new String(once, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("1381234");
  }

  @Test
  void decrypt_refusesAnotherKeyAndTamperedValues() {
    byte[] stored = cipher.encrypt("13812345678");
    PersonalDataCipher other = PersonalDataCipher.fromBase64(PersonalDataCipher.generateKey());
    byte[] tampered = stored.clone();
    tampered[tampered.length - 1] ^= 1;

    assertThatThrownBy(() -> other.decrypt(stored)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void lookupHash_isStableUnderOneKeyAndDiffersUnderAnother() {
    PersonalDataCipher other = PersonalDataCipher.fromBase64(PersonalDataCipher.generateKey());

    assertThat(cipher.lookupHash("13812345678")).isEqualTo(cipher.lookupHash("13812345678"));
    assertThat(cipher.lookupHash("13812345678")).isNotEqualTo(other.lookupHash("13812345678"));
  }

  @Test
  void idCardNumbers_checkTheGb11643ChecksumAndBirthDate() {
    String valid = "11010519491231002X";

    assertThat(IdCardNumbers.problem(valid)).isEmpty();
    assertThat(IdCardNumbers.problem("110105194912310021"))
        .hasValueSatisfying(p -> assertThat(p).contains("check"));
    assertThat(IdCardNumbers.problem("110105194902300027"))
        .hasValueSatisfying(p -> assertThat(p).contains("does not exist"));
    assertThat(IdCardNumbers.problem("1101051949")).isPresent();
    assertThat(IdCardNumbers.mask(valid)).isEqualTo("1101**********002X");
  }

  @Test
  void phoneNumbers_acceptMobilesAndLandlinesAndMaskTheMiddle() {
    assertThat(PhoneNumbers.problem("138 1234 5678")).isEmpty();
    assertThat(PhoneNumbers.problem("+8613812345678")).isEmpty();
    assertThat(PhoneNumbers.problem("0574-63012345")).isEmpty();
    assertThat(PhoneNumbers.problem("12345")).isPresent();
    assertThat(PhoneNumbers.problem("12812345678")).isPresent();
    assertThat(PhoneNumbers.mask("13812345678")).isEqualTo("138****5678");
  }
}
