package org.redgovernance.api.roster;

import static org.redgovernance.database.jooq.Tables.RESIDENT;
import static org.redgovernance.database.jooq.Tables.RESIDENT_ACCOUNT;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.ResultQuery;
import org.redgovernance.api.notifications.AddressBook;
import org.redgovernance.api.notifications.NotificationCategory;
import org.redgovernance.api.notifications.NotificationChannel;
import org.redgovernance.api.security.Caller;
import org.redgovernance.database.PersonalDataCipher;
import org.springframework.stereotype.Component;

/**
 * Where text messages reach people: the mobile number the community's roster holds for the resident
 * linked to their account, while they live here (a number the community office recorded, not one
 * anybody typed into the app). Staff without a roster entry get no texts. Each number read to send
 * a message is personal data read by the platform, and recorded in the access log like any other
 * unmasked read.
 */
@Component
class NotificationPhoneRepository implements AddressBook {

  private final PersonalDataCipher cipher;
  private final RosterRepository roster;

  NotificationPhoneRepository(PersonalDataCipher cipher, RosterRepository roster) {
    this.cipher = cipher;
    this.roster = roster;
  }

  @Override
  public NotificationChannel channel() {
    return NotificationChannel.SMS;
  }

  @Override
  public Map<String, String> reachable(
      DSLContext dsl, UUID communityId, Collection<String> people) {
    Map<String, String> reachable = new LinkedHashMap<>();
    withPhones(dsl, communityId, RESIDENT_ACCOUNT.USER_ID.in(people), RESIDENT.PHONE_MASKED)
        .forEach(r -> reachable.put(r.value1(), r.value2()));
    return reachable;
  }

  @Override
  public Optional<String> address(
      DSLContext dsl, UUID communityId, String person, NotificationCategory category) {
    return withPhones(dsl, communityId, RESIDENT_ACCOUNT.USER_ID.eq(person), RESIDENT.ID)
        .fetchOptional()
        .map(
            found -> {
              roster.recordAccess(
                  dsl,
                  Caller.SYSTEM.userId(),
                  Map.of(found.value2(), communityId),
                  PersonalField.PHONE);
              return cipher.decrypt(found.value3());
            });
  }

  /**
   * The accounts {@code whose} of residents who live here and have a number, with {@code column}
   * and the stored number.
   */
  private static <T> ResultQuery<Record3<String, T, byte[]>> withPhones(
      DSLContext dsl, UUID communityId, Condition whose, Field<T> column) {
    return dsl.select(RESIDENT_ACCOUNT.USER_ID, column, RESIDENT.PHONE_CIPHER)
        .from(RESIDENT_ACCOUNT)
        .join(RESIDENT)
        .on(
            RESIDENT.COMMUNITY_ID.eq(RESIDENT_ACCOUNT.COMMUNITY_ID),
            RESIDENT.ID.eq(RESIDENT_ACCOUNT.RESIDENT_ID))
        .where(
            RESIDENT_ACCOUNT.COMMUNITY_ID.eq(communityId),
            whose,
            RESIDENT.STATUS.eq("ACTIVE"),
            RESIDENT.PHONE_CIPHER.isNotNull());
  }
}
