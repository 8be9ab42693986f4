package org.redgovernance.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder that stands in for an SMS provider keeps each text for its number, and no other. */
class FolderSmsGatewayTests {

  @TempDir Path outbox;

  @Test
  void aTextToAMainlandMobileNumber_isKeptForThatNumber_inOrder() {
    FolderSmsGateway gateway = new FolderSmsGateway(outbox);
    assertThat(gateway.send("13812345678", "【红色治家】第一条")).isTrue();
    assertThat(gateway.send("13812345678", "【红色治家】第二条")).isTrue();
    assertThat(gateway.send("13900000000", "【红色治家】别人的")).isTrue();
    assertThat(FolderSmsGateway.messagesTo(outbox, "13812345678"))
        .containsExactly("【红色治家】第一条", "【红色治家】第二条");
  }

  @Test
  void anythingButAMainlandMobileNumber_isRefused_andNothingIsKept() {
    FolderSmsGateway gateway = new FolderSmsGateway(outbox);
    for (String phone : new String[] {"", "12345", "23812345678", "138123456789", "../../etc/x"}) {
      assertThat(gateway.send(phone, "x")).as(phone).isFalse();
    }
    assertThat(outbox.toFile().list()).isEmpty();
  }
}
