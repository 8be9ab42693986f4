package org.redgovernance.api.notices;

import static org.redgovernance.database.jooq.Tables.NOTICE;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.redgovernance.api.notifications.RecipientRepository;
import org.springframework.stereotype.Component;

/**
 * Who hears of a notice: the accounts of the residents of its audience, while it is published. A
 * notice for staff tells nobody here: staff roles live in Keycloak, not in the roster.
 */
@Component
class NoticeAudienceRepository {

  Set<String> readers(DSLContext dsl, UUID communityId, UUID noticeId) {
    return dsl.select(NOTICE.AUDIENCE)
        .from(NOTICE)
        .where(
            NOTICE.COMMUNITY_ID.eq(communityId),
            NOTICE.ID.eq(noticeId),
            NOTICE.STATUS.eq(NoticeStatus.PUBLISHED.name()))
        .fetchOptional(NOTICE.AUDIENCE)
        .map(NoticeAudience::valueOf)
        .map(
            audience ->
                switch (audience) {
                  case EVERYONE ->
                      RecipientRepository.accounts(
                          dsl, communityId, RecipientRepository.residents(communityId));
                  case PARTY_MEMBERS ->
                      RecipientRepository.accounts(
                          dsl, communityId, RecipientRepository.partyMembers(communityId));
                  case STAFF -> Set.<String>of();
                })
        .orElse(Set.of());
  }

  /** The notice's title; empty once it is gone. */
  Map<String, String> values(DSLContext dsl, UUID communityId, UUID noticeId) {
    return dsl.select(NOTICE.TITLE)
        .from(NOTICE)
        .where(NOTICE.COMMUNITY_ID.eq(communityId), NOTICE.ID.eq(noticeId))
        .fetchOptional(NOTICE.TITLE)
        .<Map<String, String>>map(title -> Map.of("title", title))
        .orElse(Map.of());
  }
}
