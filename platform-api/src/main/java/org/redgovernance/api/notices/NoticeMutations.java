package org.redgovernance.api.notices;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.UserError;

/** Inputs and payloads of the notice mutations. */
final class NoticeMutations {

  private NoticeMutations() {}

  record PublishNoticeInput(
      @Nullable String communityKey,
      @Nullable String title,
      @Nullable String body,
      @Nullable NoticeAudience audience) {}

  record PublishNoticePayload(@Nullable Notice notice, List<UserError> errors) {
    static PublishNoticePayload of(Notice notice) {
      return new PublishNoticePayload(notice, List.of());
    }

    static PublishNoticePayload failed(UserError error) {
      return new PublishNoticePayload(null, List.of(error));
    }
  }

  record WithdrawNoticeInput(
      @Nullable String id, @Nullable String reason, @Nullable Integer expectedVersion) {}

  record WithdrawNoticePayload(@Nullable Notice notice, List<UserError> errors) {
    static WithdrawNoticePayload of(Notice notice) {
      return new WithdrawNoticePayload(notice, List.of());
    }

    static WithdrawNoticePayload failed(UserError error) {
      return new WithdrawNoticePayload(null, List.of(error));
    }
  }
}
