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
}
