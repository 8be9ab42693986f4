package org.redgovernance.api.notifications;

import static org.redgovernance.database.jooq.Tables.NOTIFICATION;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.communities.CommunityModels;
import org.redgovernance.api.readmodel.InCommunities;
import org.redgovernance.api.readmodel.Keyset;
import org.redgovernance.api.readmodel.ModelRef;
import org.redgovernance.api.readmodel.ObjectModel;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.database.jooq.tables.Notification;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code Notification} as the read model declares it. A person reads their own notifications, once
 * shown (delivered in-app), in the communities they reach, and nobody else's — whatever their role:
 * an admin does not read a resident's inbox. The database holds the same wall (notification_own).
 */
@Configuration(proxyBeanMethods = false)
class NotificationModels {

  static final ModelRef<Notification> NOTIFICATIONS =
      new ModelRef<>(NotificationTypes.NOTIFICATION, NOTIFICATION::as);

  /** Newest first: the order of an inbox. */
  static final Keyset<Notification> NEWEST_FIRST =
      Keyset.newestFirst(notification -> notification.CREATED_AT, notification -> notification.ID);

  @Bean
  ObjectModel<Notification> notificationModel() {
    return ObjectModel.of(NOTIFICATIONS)
        .rows((notification, request) -> own(notification, request.scope()))
        .id(notification -> notification.COMMUNITY_ID, notification -> notification.ID)
        .reference(
            "community",
            CommunityModels.COMMUNITIES,
            community -> List.of(community.ID),
            notification -> List.of(notification.COMMUNITY_ID))
        .value("category", notification -> notification.CATEGORY)
        .value("kind", notification -> notification.KIND)
        .value("title", notification -> notification.TITLE)
        .value("body", notification -> notification.BODY)
        .value("subjectId", notification -> notification.SUBJECT_REF)
        .value("link", notification -> notification.LINK)
        .value("read", notification -> DSL.field(notification.READ_AT.isNotNull()))
        .dateTime("createdAt", notification -> notification.CREATED_AT)
        .dateTime("readAt", notification -> notification.READ_AT)
        .build();
  }

  /**
   * The notifications of the {@code notifications} filter: of one community or all the caller's,
   * unread only or all, of some categories (null: any).
   */
  static Function<Notification, Condition> matching(
      AccessScope scope,
      @Nullable String communityKey,
      boolean unreadOnly,
      @Nullable List<NotificationCategory> categories) {
    List<UUID> communities =
        (communityKey == null ? scope.communities() : scope.byKey(communityKey).stream().toList())
            .stream().map(ReachableCommunity::id).toList();
    return notification ->
        InCommunities.of(notification.COMMUNITY_ID, communities)
            .and(unreadOnly ? notification.READ_AT.isNull() : DSL.noCondition())
            .and(
                categories == null
                    ? DSL.noCondition()
                    : notification.CATEGORY.in(categories.stream().map(Enum::name).toList()));
  }

  /** The caller's own notifications, shown, in the communities they reach. */
  private static Condition own(Notification notification, AccessScope scope) {
    return notification
        .RECIPIENT_USER_ID
        .eq(scope.caller().userId())
        .and(notification.SHOWN_AT.isNotNull())
        .and(InCommunities.inScope(notification.COMMUNITY_ID, scope));
  }
}
