package org.redgovernance.api.notices;

import java.util.List;
import org.redgovernance.api.graphql.UserError;

/** Inputs and payloads of the notice mutations. */
final class NoticeMutations {

  private NoticeMutations() {}

  record PublishNoticeInput(
      String communityKey, String title, String body, NoticeAudience audience) {}

  record PublishNoticePayload(Notice notice, List<UserError> errors) {
    static PublishNoticePayload of(Notice notice) {
      return new PublishNoticePayload(notice, List.of());
    }

    static PublishNoticePayload failed(UserError error) {
      return new PublishNoticePayload(null, List.of(error));
    }
  }

  record WithdrawNoticeInput(String id, String reason, Integer expectedVersion) {}

  record WithdrawNoticePayload(Notice notice, List<UserError> errors) {
    static WithdrawNoticePayload of(Notice notice) {
      return new WithdrawNoticePayload(notice, List.of());
    }

    static WithdrawNoticePayload failed(UserError error) {
      return new WithdrawNoticePayload(null, List.of(error));
    }
  }
}
