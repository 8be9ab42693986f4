package org.redgovernance.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the log scan takes for personal data or a token, and what it leaves alone. */
class PersonalDataInLogsTests {

  @Test
  void findsMobileNumbersIdCardNumbersAndTokens() {
    assertThat(PersonalDataInLogs.kinds("Text message to 13812345678 kept"))
        .containsExactly("mobile number");
    assertThat(PersonalDataInLogs.kinds("resident 330282198001010015 moved"))
        .containsExactly("ID-card number");
    assertThat(
            PersonalDataInLogs.kinds(
                "Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXZhbHVl"))
        .containsExactly("token");
  }

  @Test
  void leavesMaskedNumbersIdsTimestampsAndInvalidIdCardsAlone() {
    assertThat(PersonalDataInLogs.kinds("phone 138****5678, id 330282********001X")).isEmpty();
    assertThat(PersonalDataInLogs.kinds("took 1733370000000 ms, pid 13812")).isEmpty();
    assertThat(PersonalDataInLogs.kinds("id 01a2443e-5e56-7c8a-be12-138123456789")).isEmpty();
    assertThat(PersonalDataInLogs.kinds("serial 330282198001010011 has a wrong check")).isEmpty();
    assertThat(PersonalDataInLogs.kinds("version 1.13812345678")).isEmpty();
  }
}
