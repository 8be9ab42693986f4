package org.redgovernance.api.notifications;

import static org.redgovernance.database.jooq.Tables.NOTIFICATION_SETTING;
import static org.redgovernance.database.jooq.Tables.NOTIFICATION_WECHAT_CONSENT;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Where WeChat reaches people: the openid of the mini-program account they linked ({@code
 * linkWechat}), for a category only while they have a consent left for its template ({@code
 * recordWechatConsents}). Sending takes one consent first, in its own transaction, so that two
 * dispatchers cannot both use the last one; a message that then did not go out gives it back.
 */
@Component
class WechatAddressRepository implements AddressBook {

  /** How many consents of one template a person may hold at once. */
  static final int MAX_CONSENTS = 50;

  private final WechatTemplates templates;

  WechatAddressRepository(WechatTemplates templates) {
    this.templates = templates;
  }

  /** A person's consents left, per template. */
  record Consent(String templateId, NotificationCategory category, int remaining) {}

  @Override
  public NotificationChannel channel() {
    return NotificationChannel.WECHAT;
  }

  @Override
  public Map<String, String> reachable(
      DSLContext dsl, UUID communityId, Collection<String> people) {
    Map<String, String> reachable = new LinkedHashMap<>();
    dsl.select(NOTIFICATION_SETTING.USER_ID)
        .from(NOTIFICATION_SETTING)
        .where(
            NOTIFICATION_SETTING.COMMUNITY_ID.eq(communityId),
            NOTIFICATION_SETTING.USER_ID.in(people),
            NOTIFICATION_SETTING.WECHAT_OPEN_ID.isNotNull())
        .forEach(r -> reachable.put(r.value1(), "微信已绑定"));
    return reachable;
  }

  @Override
  public Set<String> reachable(
      DSLContext dsl, UUID communityId, Collection<String> people, NotificationCategory category) {
    Optional<String> template = templates.of(category);
    if (template.isEmpty()) {
      return Set.of();
    }
    return dsl.select(NOTIFICATION_SETTING.USER_ID)
        .from(NOTIFICATION_SETTING)
        .join(NOTIFICATION_WECHAT_CONSENT)
        .on(
            NOTIFICATION_WECHAT_CONSENT.COMMUNITY_ID.eq(NOTIFICATION_SETTING.COMMUNITY_ID),
            NOTIFICATION_WECHAT_CONSENT.USER_ID.eq(NOTIFICATION_SETTING.USER_ID))
        .where(
            NOTIFICATION_SETTING.COMMUNITY_ID.eq(communityId),
            NOTIFICATION_SETTING.USER_ID.in(people),
            NOTIFICATION_SETTING.WECHAT_OPEN_ID.isNotNull(),
            NOTIFICATION_WECHAT_CONSENT.TEMPLATE_ID.eq(template.get()),
            NOTIFICATION_WECHAT_CONSENT.REMAINING.gt(0))
        .fetchSet(NOTIFICATION_SETTING.USER_ID);
  }

  /** Takes one of the person's consents for the category's template, and answers their openid. */
  @Override
  public Optional<String> address(
      DSLContext dsl, UUID communityId, String person, NotificationCategory category) {
    Optional<String> template = templates.of(category);
    if (template.isEmpty()) {
      return Optional.empty();
    }
    var c = NOTIFICATION_WECHAT_CONSENT;
    int taken =
        dsl.update(c)
            .set(c.REMAINING, c.REMAINING.minus(1))
            .set(c.UPDATED_AT, DSL.currentOffsetDateTime())
            .where(
                c.COMMUNITY_ID.eq(communityId),
                c.USER_ID.eq(person),
                c.TEMPLATE_ID.eq(template.get()),
                c.REMAINING.gt(0))
            .execute();
    if (taken == 0) {
      return Optional.empty();
    }
    return dsl.select(NOTIFICATION_SETTING.WECHAT_OPEN_ID)
        .from(NOTIFICATION_SETTING)
        .where(
            NOTIFICATION_SETTING.COMMUNITY_ID.eq(communityId),
            NOTIFICATION_SETTING.USER_ID.eq(person),
            NOTIFICATION_SETTING.WECHAT_OPEN_ID.isNotNull())
        .fetchOptional(NOTIFICATION_SETTING.WECHAT_OPEN_ID);
  }

  @Override
  public void unused(
      DSLContext dsl, UUID communityId, String person, NotificationCategory category) {
    templates
        .of(category)
        .ifPresent(
            template ->
                dsl.update(NOTIFICATION_WECHAT_CONSENT)
                    .set(
                        NOTIFICATION_WECHAT_CONSENT.REMAINING,
                        DSL.least(
                            NOTIFICATION_WECHAT_CONSENT.REMAINING.plus(1),
                            DSL.inline(MAX_CONSENTS)))
                    .where(
                        NOTIFICATION_WECHAT_CONSENT.COMMUNITY_ID.eq(communityId),
                        NOTIFICATION_WECHAT_CONSENT.USER_ID.eq(person),
                        NOTIFICATION_WECHAT_CONSENT.TEMPLATE_ID.eq(template))
                    .execute());
  }

  /** The person's consents left, for every template the platform uses. */
  List<Consent> consents(DSLContext dsl, UUID communityId, String person) {
    Map<String, Integer> remaining =
        dsl.select(NOTIFICATION_WECHAT_CONSENT.TEMPLATE_ID, NOTIFICATION_WECHAT_CONSENT.REMAINING)
            .from(NOTIFICATION_WECHAT_CONSENT)
            .where(
                NOTIFICATION_WECHAT_CONSENT.COMMUNITY_ID.eq(communityId),
                NOTIFICATION_WECHAT_CONSENT.USER_ID.eq(person))
            .fetchMap(
                NOTIFICATION_WECHAT_CONSENT.TEMPLATE_ID, NOTIFICATION_WECHAT_CONSENT.REMAINING);
    return templates.all().entrySet().stream()
        .map(
            entry ->
                new Consent(
                    entry.getValue(), entry.getKey(), remaining.getOrDefault(entry.getValue(), 0)))
        .collect(Collectors.toList());
  }

  // --- what a person does, as commands write it

  /** The person's openid, on their settings row (made with the defaults when they had none). */
  static ResultQuery<Record> linked(UUID communityId, String person, String openId) {
    var s = NOTIFICATION_SETTING;
    return DSL.resultQuery(
        "{0}",
        DSL.insertInto(s)
            .set(s.COMMUNITY_ID, communityId)
            .set(s.USER_ID, person)
            .set(s.WECHAT_OPEN_ID, openId)
            .onConflict(s.COMMUNITY_ID, s.USER_ID)
            .doUpdate()
            .set(s.WECHAT_OPEN_ID, openId)
            .set(s.UPDATED_AT, DSL.currentOffsetDateTime())
            .returning(s.COMMUNITY_ID, s.USER_ID));
  }

  /** One more consent of each template, none beyond {@link #MAX_CONSENTS}. */
  static void consented(
      DSLContext dsl, UUID communityId, String person, Collection<String> templates) {
    var c = NOTIFICATION_WECHAT_CONSENT;
    for (String template : templates) {
      dsl.insertInto(c)
          .set(c.COMMUNITY_ID, communityId)
          .set(c.USER_ID, person)
          .set(c.TEMPLATE_ID, template)
          .set(c.REMAINING, 1)
          .onConflict(c.COMMUNITY_ID, c.USER_ID, c.TEMPLATE_ID)
          .doUpdate()
          .set(c.REMAINING, DSL.least(c.REMAINING.plus(1), DSL.inline(MAX_CONSENTS)))
          .set(c.UPDATED_AT, DSL.currentOffsetDateTime())
          .execute();
    }
  }
}
