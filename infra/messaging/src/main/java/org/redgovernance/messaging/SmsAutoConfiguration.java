package org.redgovernance.messaging;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The folder gateway in a service where {@code rg.sms.outbox} names a folder (the dev stack, the
 * tests), unless the service has a real provider's gateway.
 */
@AutoConfiguration
@ConditionalOnExpression("!'${rg.sms.outbox:}'.isBlank()")
public class SmsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(SmsGateway.class)
  SmsGateway folderSmsGateway(@Value("${rg.sms.outbox}") Path outbox) {
    return new FolderSmsGateway(outbox);
  }
}
