package org.redgovernance.api.notifications;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * What a feature tells the dispatcher about the objects its notifications are about (one bean per
 * type): who an audience of one of them is now, and what templates may say of it. Asked when an
 * intent is expanded and again before each delivery, in a transaction that reaches every community.
 */
public interface NotificationSubject {

  /** The GraphQL type of the objects, as {@link NotificationIntent#subjectType()} names it. */
  String subjectType();

  /**
   * The people (Keycloak subjects) {@code audience} of the object names now; none once the object
   * is gone or nobody holds that part any more.
   */
  Set<String> recipients(DSLContext dsl, UUID communityId, UUID id, String audience);

  /**
   * The values templates fill in ({@code {title}} …): what the object is, never another person's
   * name or contact. Empty once the object is gone.
   */
  Map<String, String> values(DSLContext dsl, UUID communityId, UUID id);

  /** Who one audience of an object is now: the people's accounts, none once nobody may hear. */
  @FunctionalInterface
  interface Audience {
    Set<String> of(DSLContext dsl, UUID communityId, UUID id);
  }

  /** What templates may say of an object ({@link #values}). */
  @FunctionalInterface
  interface Values {
    Map<String, String> of(DSLContext dsl, UUID communityId, UUID id);
  }

  /**
   * The subject of objects of {@code subjectType} whose audiences are {@code audiences} by name
   * (any other name has nobody) and whose template values are {@code values}.
   */
  static NotificationSubject of(
      String subjectType, Map<String, Audience> audiences, Values values) {
    Map<String, Audience> named = Map.copyOf(audiences);
    return new NotificationSubject() {
      @Override
      public String subjectType() {
        return subjectType;
      }

      @Override
      public Set<String> recipients(DSLContext dsl, UUID communityId, UUID id, String audience) {
        Audience who = named.get(audience);
        return who == null ? Set.of() : who.of(dsl, communityId, id);
      }

      @Override
      public Map<String, String> values(DSLContext dsl, UUID communityId, UUID id) {
        return values.of(dsl, communityId, id);
      }
    };
  }
}
