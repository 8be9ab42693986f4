package org.redgovernance.api.notices;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.readmodel.Changed;

/** Inputs and payloads of the notice mutations. */
final class NoticeMutations {

  private NoticeMutations() {}

  record PublishNoticeInput(
      @Nullable String communityKey,
      @Nullable String title,
      @Nullable String body,
      @Nullable NoticeAudience audience) {}

  record PublishNoticePayload(@Nullable Changed notice, List<UserError> errors) {
    static PublishNoticePayload of(UUID communityId, UUID id) {
      return new PublishNoticePayload(new Changed(NoticeTypes.NOTICE, communityId, id), List.of());
    }

    static PublishNoticePayload failed(UserError error) {
      return new PublishNoticePayload(null, List.of(error));
    }
  }

  record WithdrawNoticeInput(
      @Nullable String id, @Nullable String reason, @Nullable Integer expectedVersion) {}

  record WithdrawNoticePayload(@Nullable Changed notice, List<UserError> errors) {
    static WithdrawNoticePayload of(UUID communityId, UUID id) {
      return new WithdrawNoticePayload(new Changed(NoticeTypes.NOTICE, communityId, id), List.of());
    }

    static WithdrawNoticePayload failed(UserError error) {
      return new WithdrawNoticePayload(null, List.of(error));
    }
  }
}
