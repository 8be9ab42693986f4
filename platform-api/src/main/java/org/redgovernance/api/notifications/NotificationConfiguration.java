package org.redgovernance.api.notifications;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.TaskScheduler;

/**
 * The dispatcher's settings ({@code rg.notifications.*}) and its schedule: every {@code
 * dispatch-every} on the application's scheduler; PT0S runs it never (the tests drive it
 * themselves).
 */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

  private static final Logger log = LoggerFactory.getLogger(NotificationConfiguration.class);

  @Bean
  NotificationTemplates notificationTemplates(
      @Value("${rg.notifications.link-pattern:/c/{communityKey}/{type}/{id}}") String linkPattern) {
    return new NotificationTemplates(linkPattern);
  }

  /** The WeChat templates per category ({@code rg.notifications.wechat.templates.<CATEGORY>}). */
  @Bean
  WechatTemplates wechatTemplates(Environment environment) {
    Map<String, String> configured =
        Binder.get(environment)
            .bind("rg.notifications.wechat.templates", Bindable.mapOf(String.class, String.class))
            .orElse(Map.of());
    Map<NotificationCategory, String> templates = new EnumMap<>(NotificationCategory.class);
    configured.forEach(
        (category, template) -> {
          if (!template.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalStateException("Not a WeChat template id: " + template);
          }
          templates.put(NotificationCategory.valueOf(category.toUpperCase(Locale.ROOT)), template);
        });
    return new WechatTemplates(templates);
  }

  /** The recording WeChat of dev and tests, where {@code rg.wechat.outbox} names a folder. */
  @Bean
  @ConditionalOnExpression("!'${rg.wechat.outbox:}'.isBlank()")
  WechatGateway recordingWechatGateway(@Value("${rg.wechat.outbox}") Path outbox) {
    return new RecordingWechatGateway(outbox);
  }

  @Bean
  NotificationDispatcher.Settings notificationSettings(
      @Value("${rg.notifications.batch:100}") int batch,
      @Value("${rg.notifications.max-attempts:6}") int maxAttempts,
      @Value("${rg.notifications.first-backoff:PT30S}") Duration firstBackoff,
      @Value("${rg.notifications.max-backoff:PT1H}") Duration maxBackoff,
      @Value("${rg.notifications.lease:PT2M}") Duration lease) {
    return new NotificationDispatcher.Settings(batch, maxAttempts, firstBackoff, maxBackoff, lease);
  }

  /** Runs the dispatcher while the application runs; a failed round is logged and retried. */
  @Bean
  SmartLifecycle notificationSchedule(
      NotificationDispatcher dispatcher,
      TaskScheduler scheduler,
      @Value("${rg.notifications.dispatch-every:PT2S}") Duration every) {
    return new SmartLifecycle() {
      private volatile ScheduledFuture<?> running;

      @Override
      public void start() {
        if (every.isZero() || every.isNegative()) {
          return;
        }
        running =
            scheduler.scheduleWithFixedDelay(
                () -> {
                  try {
                    dispatcher.dispatch();
                  } catch (RuntimeException e) {
                    log.warn("Dispatching notifications failed; trying again in {}", every, e);
                  }
                },
                every);
      }

      @Override
      public void stop() {
        ScheduledFuture<?> scheduled = running;
        if (scheduled != null) {
          scheduled.cancel(false);
          running = null;
        }
      }

      @Override
      public boolean isRunning() {
        return running != null;
      }
    };
  }
}
