package org.redgovernance.api.notifications;

import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.events.ChangeEvent;
import org.redgovernance.api.events.ChangeEvents;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.notifications.NotificationRepository.Claimed;
import org.redgovernance.api.notifications.NotificationRepository.Outcome;
import org.redgovernance.api.notifications.NotificationRepository.Waiting;
import org.redgovernance.api.security.Caller;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.AccessScopes;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox, safe on several instances at once. Two steps, each in short transactions:
 *
 * <ol>
 *   <li>Expand: an intent, locked with SKIP LOCKED so that one dispatcher takes it, becomes one
 *       notification per person of its audience (not the person who made the change), each with a
 *       delivery per channel, and is marked expanded in the same transaction.
 *   <li>Deliver: due deliveries are claimed for a lease (SKIP LOCKED again), then each is sent
 *       outside any transaction and its outcome settled: SENT; FAILED and due again after a backoff
 *       that doubles with every try; DEAD after the last try; SKIPPED when the subject's feature,
 *       asked once per batch as it is claimed, no longer counts the person in the audience (a
 *       revoked part, a deleted object). A dispatcher that dies while sending loses its lease and
 *       the delivery is tried again: a provider may then see a message twice, with the same {@link
 *       ChannelAdapter.Message#deliveryKey()}.
 * </ol>
 */
@Component
class NotificationDispatcher {

  private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
  static final int MAX_EXPANSION_FAILURES = 5;

  /** How the dispatcher works: batch sizes, tries and their spacing. */
  record Settings(
      int batch, int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration lease) {}

  private final AccessScopes scopes;
  private final TenantTransactions transactions;
  private final NotificationRepository repository;
  private final Map<String, NotificationSubject> subjects;
  private final NotificationChannels channels;
  private final NotificationSettingsRepository settings;
  private final NotificationTemplates templates;
  private final ChangeEvents events;
  private final Settings work;

  NotificationDispatcher(
      AccessScopes scopes,
      TenantTransactions transactions,
      NotificationRepository repository,
      List<NotificationSubject> subjects,
      NotificationChannels channels,
      NotificationSettingsRepository settings,
      NotificationTemplates templates,
      ChangeEvents events,
      Settings work) {
    this.scopes = scopes;
    this.transactions = transactions;
    this.repository = repository;
    this.subjects =
        subjects.stream()
            .collect(Collectors.toMap(NotificationSubject::subjectType, Function.identity()));
    this.channels = channels;
    this.settings = settings;
    this.templates = templates;
    this.events = events;
    this.work = work;
  }

  /** Expands and delivers until nothing is due; how many deliveries were settled. */
  int dispatch() {
    while (expand() == work.batch()) {
      // a full batch: more may be waiting
    }
    int settled = 0;
    int now;
    do {
      now = deliver();
      settled += now;
    } while (now == work.batch());
    return settled;
  }

  /** Expands one batch of waiting intents; how many. */
  int expand() {
    AccessScope all = scopes.of(Caller.SYSTEM);
    return transactions.write(
        all,
        dsl -> {
          List<Waiting> waiting = repository.lockWaiting(dsl, work.batch());
          for (Waiting intent : waiting) {
            expandApart(dsl, all, intent);
          }
          return waiting.size();
        });
  }

  /**
   * Expands one intent behind a savepoint: when its feature throws, only its own work is undone and
   * it waits (then is given up, {@link NotificationRepository#failed}), while the rest of the batch
   * goes on.
   */
  private void expandApart(DSLContext dsl, AccessScope all, Waiting intent) {
    dsl.connection(
        connection -> {
          Savepoint before = connection.setSavepoint();
          try {
            expandOne(dsl, all, intent);
            repository.expanded(dsl, intent);
            connection.releaseSavepoint(before);
          } catch (RuntimeException failure) {
            connection.rollback(before);
            boolean givenUp =
                repository.failed(dsl, intent, work.firstBackoff(), MAX_EXPANSION_FAILURES);
            log.warn(
                "Expanding notification intent {} ({} of {}) failed{}",
                intent.id(),
                intent.kind(),
                intent.subjectType(),
                givenUp ? "; given up" : "; tried again later",
                failure);
          }
        });
  }

  private void expandOne(DSLContext dsl, AccessScope all, Waiting intent) {
    NotificationSubject subject = subjects.get(intent.subjectType());
    Optional<ReachableCommunity> community = all.byId(intent.communityId());
    if (subject == null || community.isEmpty()) {
      log.warn(
          "Notification intent {} names {} in community {}, which nobody answers for; dropped",
          intent.id(),
          intent.subjectType(),
          intent.communityId());
      return;
    }
    Set<String> recipients =
        audience(dsl, subject, intent.communityId(), intent.subjectId(), intent.audience());
    recipients.remove(intent.actorId());
    if (recipients.isEmpty()) {
      return;
    }
    Map<String, String> values = subject.values(dsl, intent.communityId(), intent.subjectId());
    NotificationTemplates.Text text =
        templates.render(intent.kind(), NotificationTemplates.PRIMARY, values);
    String subjectRef = GlobalId.of(intent.subjectType(), intent.communityId(), intent.subjectId());
    String link = templates.link(community.get().key(), intent.subjectType(), subjectRef);
    repository.add(
        dsl,
        intent,
        new NotificationRepository.Rendered(subjectRef, link, text.title(), text.body()),
        deliveries(dsl, intent, recipients));
  }

  /**
   * On which channels each recipient gets the intent's notification, and from when: the open
   * channels that reach them (an address known) and that their preferences for the category keep
   * on; outside the inbox, after their quiet hours when the notification is made in them.
   */
  private Map<String, Map<NotificationChannel, OffsetDateTime>> deliveries(
      DSLContext dsl, Waiting intent, Set<String> recipients) {
    UUID community = intent.communityId();
    Map<String, NotificationSettingsRepository.Settings> theirs =
        settings.settings(dsl, community, recipients);
    Map<String, Map<NotificationChannel, Boolean>> chosen =
        settings.choices(dsl, community, recipients, intent.category());
    Map<NotificationChannel, Set<String>> reachable = new EnumMap<>(NotificationChannel.class);
    for (NotificationChannel channel : channels.open()) {
      reachable.put(
          channel,
          channels
              .book(channel)
              .map(book -> book.reachable(dsl, community, recipients, intent.category()))
              .orElse(recipients));
    }
    Instant now = Instant.now();
    OffsetDateTime dueNow = now.atOffset(ZoneOffset.UTC);
    Map<String, Map<NotificationChannel, OffsetDateTime>> deliveries = new HashMap<>();
    for (String recipient : recipients) {
      Map<NotificationChannel, OffsetDateTime> on = new EnumMap<>(NotificationChannel.class);
      OffsetDateTime afterQuietHours =
          theirs.get(recipient).quietHours().holdUntil(now).orElse(dueNow);
      Map<NotificationChannel, Boolean> choices = chosen.getOrDefault(recipient, Map.of());
      reachable.forEach(
          (channel, reached) -> {
            if (reached.contains(recipient)
                && NotificationPreferences.enabled(
                    intent.category(), channel, choices.get(channel))) {
              on.put(channel, NotificationChannels.inbox(channel) ? dueNow : afterQuietHours);
            }
          });
      deliveries.put(recipient, on);
    }
    return deliveries;
  }

  /**
   * Who {@code audience} of the object is now, as its feature says, less those who hold no role in
   * the community any more (a revoked person gets nothing, whatever the feature's records still say
   * of them).
   */
  private Set<String> audience(
      DSLContext dsl, NotificationSubject subject, UUID communityId, UUID id, String audience) {
    Set<String> recipients =
        new LinkedHashSet<>(subject.recipients(dsl, communityId, id, audience));
    recipients.retainAll(repository.holdingARole(dsl, communityId, recipients));
    return recipients;
  }

  /** Claims one batch of due deliveries, sends them and settles each; how many were claimed. */
  int deliver() {
    AccessScope all = scopes.of(Caller.SYSTEM);
    List<Claimed> claimed =
        transactions.write(all, dsl -> repository.claimDue(dsl, work.batch(), work.lease()));
    // an audience is asked once per batch: a notice's thousand deliveries ask for its readers once
    Map<Audience, Set<String>> asked = new HashMap<>();
    for (Claimed claim : claimed) {
      deliverOne(all, claim, asked);
    }
    return claimed.size();
  }

  /** One audience of one object, as the deliveries of a batch ask for it. */
  private record Audience(UUID communityId, String subjectType, UUID subjectId, String name) {}

  private void deliverOne(AccessScope all, Claimed claim, Map<Audience, Set<String>> asked) {
    Optional<ReachableCommunity> community = all.byId(claim.communityId());
    NotificationSubject subject = subjects.get(claim.subjectType());
    boolean stillTheirs;
    try {
      stillTheirs =
          community.isPresent()
              && subject != null
              && asked
                  .computeIfAbsent(
                      new Audience(
                          claim.communityId(),
                          claim.subjectType(),
                          claim.subjectId(),
                          claim.audience()),
                      audience ->
                          transactions.read(
                              all,
                              dsl ->
                                  audience(
                                      dsl,
                                      subject,
                                      audience.communityId(),
                                      audience.subjectId(),
                                      audience.name())))
                  .contains(claim.recipientUserId());
    } catch (RuntimeException failure) {
      failed(all, claim, "asking who the audience is failed: " + failure.getMessage());
      return;
    }
    if (!stillTheirs) {
      settle(
          all,
          claim,
          Outcome.SKIPPED,
          "SKIPPED",
          null,
          null,
          "no longer in the audience " + claim.audience() + ", or holds no role here any more");
      return;
    }
    Optional<ChannelAdapter> adapter = channels.adapter(claim.channel());
    if (adapter.isEmpty()) {
      settle(all, claim, Outcome.FAILED, "DEAD", null, null, "no adapter for " + claim.channel());
      return;
    }
    Optional<AddressBook> book = channels.book(claim.channel());
    Optional<String> address;
    try {
      address =
          book.isEmpty()
              ? Optional.of(claim.recipientUserId())
              : transactions.write(
                  all,
                  dsl ->
                      book.get()
                          .address(
                              dsl, claim.communityId(), claim.recipientUserId(), claim.category()));
    } catch (RuntimeException failure) {
      failed(all, claim, "looking up the address failed: " + failure.getMessage());
      return;
    }
    if (address.isEmpty()) {
      settle(
          all,
          claim,
          Outcome.SKIPPED,
          "SKIPPED",
          null,
          null,
          "no address on " + claim.channel() + " any more");
      return;
    }
    try {
      String providerId =
          adapter
              .get()
              .send(
                  new ChannelAdapter.Message(
                      claim.communityId() + ":" + claim.notificationId() + ":" + claim.channel(),
                      claim.recipientUserId(),
                      address.get(),
                      community.get().key(),
                      claim.category(),
                      claim.kind(),
                      claim.title(),
                      claim.body(),
                      claim.link()));
      settle(all, claim, Outcome.SENT, "SENT", null, providerId, null);
    } catch (DeliveryFailure | RuntimeException failure) {
      book.ifPresent(
          unused ->
              transactions.write(
                  all,
                  dsl -> {
                    unused.unused(
                        dsl, claim.communityId(), claim.recipientUserId(), claim.category());
                    return null;
                  }));
      failed(all, claim, String.valueOf(failure.getMessage()));
    }
  }

  /** A try that failed: due again after the backoff, or dead after the last try. */
  private void failed(AccessScope all, Claimed claim, String why) {
    boolean last = claim.attempt() >= work.maxAttempts();
    String detail = why.length() > 500 ? why.substring(0, 500) : why;
    settle(
        all,
        claim,
        Outcome.FAILED,
        last ? "DEAD" : "FAILED",
        last ? null : OffsetDateTime.now().plus(backoff(claim.attempt())),
        null,
        detail);
    if (last) {
      log.warn(
          "Notification {} on {} failed {} times; dead-lettered: {}",
          claim.notificationId(),
          claim.channel(),
          claim.attempt(),
          detail);
    }
  }

  /** The wait after try {@code attempt}: the first backoff, doubled with every try, capped. */
  Duration backoff(int attempt) {
    Duration wait = work.firstBackoff();
    for (int i = 1; i < attempt && wait.compareTo(work.maxBackoff()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(work.maxBackoff()) > 0 ? work.maxBackoff() : wait;
  }

  private void settle(
      AccessScope all,
      Claimed claim,
      Outcome outcome,
      String status,
      @Nullable OffsetDateTime nextAttempt,
      @Nullable String providerId,
      @Nullable String detail) {
    boolean mine =
        transactions.write(
            all,
            dsl -> {
              boolean settled =
                  repository.settle(dsl, claim, outcome, status, nextAttempt, providerId, detail);
              if (settled
                  && outcome == Outcome.SENT
                  && claim.channel() == NotificationChannel.IN_APP) {
                // live inboxes hear of it when the notification shows, as the transaction commits
                events.publish(
                    dsl,
                    new ChangeEvent(
                        NotificationEventController.TOPIC,
                        claim.communityId(),
                        claim.notificationId(),
                        "RECEIVED",
                        claim.recipientUserId()));
              }
              return settled;
            });
    if (!mine) {
      log.info(
          "Notification {} on {}: another dispatcher took it over after this one's lease ran out",
          claim.notificationId(),
          claim.channel());
    }
  }
}
