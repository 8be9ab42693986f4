package org.redgovernance.api.notifications;

import static org.redgovernance.database.jooq.Tables.NOTIFICATION_SETTING;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Where e-mail reaches people: the verified address of their account, which they asked for in their
 * settings of the community ({@code useAccountEmail}). Nobody else can point the community's
 * messages at a mailbox.
 */
@Component
class EmailAddressRepository implements AddressBook {

  @Override
  public NotificationChannel channel() {
    return NotificationChannel.EMAIL;
  }

  @Override
  public Map<String, String> reachable(
      DSLContext dsl, UUID communityId, Collection<String> people) {
    Map<String, String> reachable = new LinkedHashMap<>();
    dsl.select(NOTIFICATION_SETTING.USER_ID, NOTIFICATION_SETTING.EMAIL)
        .from(NOTIFICATION_SETTING)
        .where(
            NOTIFICATION_SETTING.COMMUNITY_ID.eq(communityId),
            NOTIFICATION_SETTING.USER_ID.in(people),
            NOTIFICATION_SETTING.EMAIL.isNotNull())
        .forEach(r -> reachable.put(r.value1(), masked(r.value2())));
    return reachable;
  }

  @Override
  public Optional<String> address(
      DSLContext dsl, UUID communityId, String person, NotificationCategory category) {
    return dsl.select(NOTIFICATION_SETTING.EMAIL)
        .from(NOTIFICATION_SETTING)
        .where(
            NOTIFICATION_SETTING.COMMUNITY_ID.eq(communityId),
            NOTIFICATION_SETTING.USER_ID.eq(person),
            NOTIFICATION_SETTING.EMAIL.isNotNull())
        .fetchOptional(NOTIFICATION_SETTING.EMAIL);
  }

  /** z***@example.cn: the first letter and the domain. */
  static String masked(String email) {
    int at = email.lastIndexOf('@');
    return email.substring(0, Math.min(1, at)) + "***" + email.substring(at);
  }
}
