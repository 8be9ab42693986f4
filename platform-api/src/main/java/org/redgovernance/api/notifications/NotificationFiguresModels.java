package org.redgovernance.api.notifications;

import static org.redgovernance.database.jooq.Tables.COMMUNITY;
import static org.redgovernance.database.jooq.Tables.NOTIFICATION_DELIVERY;

import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.redgovernance.api.communities.CommunityModels;
import org.redgovernance.api.readmodel.InCommunities;
import org.redgovernance.api.readmodel.ModelRef;
import org.redgovernance.api.readmodel.ObjectModel;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.database.jooq.tables.Community;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code Community.notificationFigures}: how the community's notifications went out on each channel
 * — delivered, waiting, given up, skipped — and how long a change took to reach people, for its
 * staff and the street office (an ordinary member reads null and {@code FORBIDDEN}). Counted over
 * the deliveries, which name nobody.
 */
@Configuration(proxyBeanMethods = false)
class NotificationFiguresModels {

  /** Over how many days the delay is measured: recent enough to say how the platform does now. */
  static final int DELAY_DAYS = 30;

  static final ModelRef<Community> FIGURES = new ModelRef<>("NotificationFigures", COMMUNITY::as);
  static final ModelRef<Table<Record3<UUID, String, Integer>>> BY_CHANNEL =
      new ModelRef<>(
          "NotificationChannelFigures",
          alias -> CommunityModels.withEachValue(alias, NotificationChannel.values()));

  @Bean
  ObjectModel<Community> notificationFiguresModel() {
    return ObjectModel.of(FIGURES)
        .rows((community, request) -> InCommunities.inScope(community.ID, request.scope()))
        .list(
            "byChannel",
            BY_CHANNEL,
            (community, channel) -> channel.field("community_id", UUID.class).eq(community.ID),
            channel -> List.of(channel.field("position", Integer.class)))
        .build();
  }

  @Bean
  ObjectModel<Table<Record3<UUID, String, Integer>>> notificationChannelFiguresModel() {
    return ObjectModel.of(BY_CHANNEL)
        .value("channel", channel -> channel.field("value", String.class))
        .value("delivered", channel -> count(channel, NOTIFICATION_DELIVERY.STATUS.eq("SENT")))
        .value(
            "pending",
            channel ->
                count(channel, NOTIFICATION_DELIVERY.STATUS.in("PENDING", "SENDING", "FAILED")))
        .value("failed", channel -> count(channel, NOTIFICATION_DELIVERY.STATUS.eq("DEAD")))
        .value("skipped", channel -> count(channel, NOTIFICATION_DELIVERY.STATUS.eq("SKIPPED")))
        .value("medianDelaySeconds", NotificationFiguresModels::medianDelay)
        .build();
  }

  @Bean
  ObjectModel<Community> communityNotificationFigures() {
    return ObjectModel.extension(CommunityModels.COMMUNITIES)
        .reference(
            "notificationFigures",
            FIGURES,
            figures -> List.of(figures.ID),
            community -> List.of(community.ID))
        .readableIf(
            "notificationFigures",
            ReachableCommunity::staffOrOverseen,
            "Only the community's staff and the street office see how notifications went out")
        .build();
  }

  private static Condition ofChannel(Table<?> channel) {
    return NOTIFICATION_DELIVERY
        .COMMUNITY_ID
        .eq(channel.field("community_id", UUID.class))
        .and(NOTIFICATION_DELIVERY.CHANNEL.eq(channel.field("value", String.class)));
  }

  private static Field<Integer> count(Table<?> channel, Condition which) {
    return DSL.field(
        DSL.selectCount().from(NOTIFICATION_DELIVERY).where(ofChannel(channel), which));
  }

  /** Median seconds from the change to its delivery, over the last {@link #DELAY_DAYS} days. */
  private static Field<Double> medianDelay(Table<?> channel) {
    return DSL.field(
        DSL.select(
                DSL.field(
                    "percentile_cont(0.5) within group (order by extract(epoch from ({0} - {1})))",
                    SQLDataType.DOUBLE,
                    NOTIFICATION_DELIVERY.SENT_AT,
                    NOTIFICATION_DELIVERY.MADE_AT))
            .from(NOTIFICATION_DELIVERY)
            .where(
                ofChannel(channel),
                NOTIFICATION_DELIVERY.STATUS.eq("SENT"),
                NOTIFICATION_DELIVERY.SENT_AT.gt(
                    DSL.field(
                        "now() - interval '" + DELAY_DAYS + " days'",
                        SQLDataType.TIMESTAMPWITHTIMEZONE))));
  }
}
