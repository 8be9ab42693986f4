package org.redgovernance.api.notifications;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.redgovernance.api.graphql.EnumLabels;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.readmodel.ReadRequest;
import org.redgovernance.api.security.Caller;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.AccessScopes;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes the digests of the last whole window, every {@code rg.notifications.digest-check} (an
 * hour): the day before for those who chose daily digests, the week before (Monday to Sunday) for
 * weekly ones, windows [start, end) of Asia/Shanghai days. Each lists the person's notifications of
 * the window that they have not read and that did not reach them by e-mail, text or WeChat; a
 * window's digest is made once per person (rg.notification_digest), however often and on however
 * many instances this runs, and one with nothing to list is not sent. It goes out by e-mail through
 * the dispatcher, after the person's quiet hours.
 */
@Component
class NotificationDigests {

  private static final Logger log = LoggerFactory.getLogger(NotificationDigests.class);

  private final AccessScopes scopes;
  private final TenantTransactions transactions;
  private final DigestRepository digests;
  private final NotificationSettingsRepository settings;
  private final EnumLabels labels;
  private final String inboxLink;

  NotificationDigests(
      AccessScopes scopes,
      TenantTransactions transactions,
      DigestRepository digests,
      NotificationSettingsRepository settings,
      EnumLabels labels,
      @Value("${rg.notifications.inbox-link:/c/{communityKey}/notifications}") String inboxLink) {
    this.scopes = scopes;
    this.transactions = transactions;
    this.digests = digests;
    this.settings = settings;
    this.labels = labels;
    this.inboxLink = inboxLink;
  }

  @Scheduled(
      initialDelayString = "${rg.notifications.digest-check:PT1H}",
      fixedDelayString = "${rg.notifications.digest-check:PT1H}")
  void run() {
    int made = make(LocalDate.now(ReadRequest.ZONE));
    if (made > 0) {
      log.info("Made {} digests of notifications", made);
    }
  }

  /**
   * Makes the digests of the last whole day and week before {@code today}; how many go out (now, or
   * after the person's quiet hours).
   */
  int make(LocalDate today) {
    Instant now = Instant.now();
    LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    AccessScope all = scopes.of(Caller.SYSTEM);
    int made = 0;
    for (ReachableCommunity community : all.writableCommunities()) {
      AccessScope one = all.narrowedTo(community);
      made +=
          transactions.write(
              one,
              dsl ->
                  make(dsl, community, DigestFrequency.DAILY, today.minusDays(1), today, now)
                      + make(
                          dsl,
                          community,
                          DigestFrequency.WEEKLY,
                          monday.minusWeeks(1),
                          monday,
                          now));
    }
    return made;
  }

  private int make(
      DSLContext dsl,
      ReachableCommunity community,
      DigestFrequency frequency,
      LocalDate from,
      LocalDate until,
      Instant now) {
    OffsetDateTime start = from.atStartOfDay(ReadRequest.ZONE).toOffsetDateTime();
    OffsetDateTime end = until.atStartOfDay(ReadRequest.ZONE).toOffsetDateTime();
    List<DigestRepository.Opened> opened = digests.open(dsl, community.id(), frequency, start, end);
    if (opened.isEmpty()) {
      return 0;
    }
    Map<String, NotificationSettingsRepository.Settings> theirs =
        settings.settings(
            dsl,
            community.id(),
            opened.stream().map(DigestRepository.Opened::userId).collect(Collectors.toSet()));
    String title = DigestText.title(community.name(), frequency, from, until);
    String link = inboxLink.replace("{communityKey}", community.key());
    int sent = 0;
    for (DigestRepository.Opened digest : opened) {
      List<DigestRepository.Item> items =
          digests.unseen(dsl, community.id(), digest.userId(), start, end);
      if (items.isEmpty()) {
        digests.written(dsl, community.id(), digest.id(), 0, null);
        continue;
      }
      OffsetDateTime due =
          theirs
              .get(digest.userId())
              .quietHours()
              .holdUntil(now)
              .orElse(now.atOffset(ZoneOffset.UTC));
      var text =
          new NotificationRepository.Rendered(
              GlobalId.of(DigestSubject.TYPE, community.id(), digest.id()),
              link,
              title,
              DigestText.body(items, labels, ReadRequest.ZONE));
      digests.written(
          dsl,
          community.id(),
          digest.id(),
          items.size(),
          digests.deliver(dsl, community.id(), digest, frequency, text, due));
      sent++;
    }
    return sent;
  }
}
