package org.redgovernance.api.notices;

import org.jspecify.annotations.Nullable;

/** Inputs of the notice mutations; their payloads are {@code Commands}'. */
final class NoticeMutations {

  private NoticeMutations() {}

  record PublishNoticeInput(
      @Nullable String communityKey,
      @Nullable String title,
      @Nullable String body,
      @Nullable NoticeAudience audience) {}

  record WithdrawNoticeInput(
      @Nullable String id, @Nullable String reason, @Nullable Integer expectedVersion) {}
}
