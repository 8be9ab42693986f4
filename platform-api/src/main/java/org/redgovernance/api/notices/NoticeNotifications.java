package org.redgovernance.api.notices;

import java.util.Map;
import org.redgovernance.api.notifications.NotificationCategory;
import org.redgovernance.api.notifications.NotificationIntent;
import org.redgovernance.api.notifications.NotificationSubject;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A published notice tells the residents of its audience who have an account; one withdrawn before
 * the news went out tells nobody.
 */
@Configuration(proxyBeanMethods = false)
class NoticeNotifications {

  static final String READERS = "READERS";

  static final NotificationIntent PUBLISHED =
      new NotificationIntent(
          NotificationCategory.NOTICES, "NOTICE_PUBLISHED", NoticeTypes.NOTICE, READERS);

  @Bean
  NotificationSubject noticeSubject(NoticeAudienceRepository audiences) {
    return NotificationSubject.of(
        NoticeTypes.NOTICE, Map.of(READERS, audiences::readers), audiences::values);
  }
}
