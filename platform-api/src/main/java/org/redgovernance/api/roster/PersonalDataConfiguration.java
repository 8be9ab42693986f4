package org.redgovernance.api.roster;

import org.redgovernance.database.PersonalDataCipher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key that protects phone and ID-card numbers, from configuration ({@code
 * rg.personal-data.key}, environment {@code RG_PERSONAL_DATA_KEY}: 32 random bytes, base64). Never
 * in the repository; the dev stack makes its own. Without it the service does not start.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataConfiguration {

  @Bean
  PersonalDataCipher personalDataCipher(@Value("${rg.personal-data.key:}") String key) {
    return PersonalDataCipher.fromBase64(key);
  }
}
