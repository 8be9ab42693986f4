package org.redgovernance.api.notifications;

import static org.redgovernance.api.notifications.NotificationChannel.EMAIL;
import static org.redgovernance.api.notifications.NotificationChannel.IN_APP;
import static org.redgovernance.api.notifications.NotificationChannel.WECHAT;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a notification is about, as a person sorts and mutes them: each kind belongs to one
 * category. Each category is one role's business (the reporter's, the assignee's, the supervisors'
 * …), so its default channels are that role's: staff at their desks by e-mail, residents on their
 * phones by WeChat, everybody in the inbox. Text messages cost the community money and go out only
 * for legal notices, unless a person turns them on. A person changes any of these (their {@code
 * NotificationPreference}s), except for legal notices, which reach them on every channel they can
 * be reached on and cannot be muted.
 */
public enum NotificationCategory {
  /** Matters the person raised: accepted, rejected, verified, reopened, commented. */
  MATTERS_I_RAISED(IN_APP, WECHAT),
  /** Matters handed to the person (or to a body they sit on). */
  MATTERS_ASSIGNED_TO_ME(IN_APP, EMAIL),
  /** Resolved matters waiting for the supervisory committee's verification. */
  VERIFICATIONS_WAITING(IN_APP, EMAIL),
  /** Meetings the person is invited to, and their minutes. */
  MEETINGS(IN_APP, EMAIL, WECHAT),
  /** Notices for the person's audience. */
  NOTICES(IN_APP, WECHAT),
  /** Action items of meetings owned by the person. */
  ACTION_ITEMS(IN_APP, EMAIL),
  /** Roles granted to the person. */
  ROLES(IN_APP, EMAIL),
  /**
   * Notices the law requires to reach the person, such as an owners' assembly convened (业主大会 must
   * be announced to every owner beforehand): on every channel, never muted.
   */
  LEGAL_NOTICES(NotificationChannel.values()),
  /**
   * A digest of the notifications a person has not seen yet, daily or weekly as they chose ({@code
   * NotificationSettings.digest}): by e-mail only, and chosen by that setting, not per channel.
   */
  DIGESTS(EMAIL);

  private final Set<NotificationChannel> byDefault;

  NotificationCategory(NotificationChannel... byDefault) {
    this.byDefault = EnumSet.of(byDefault[0], byDefault);
  }

  /** Whether a person may turn its channels off: not for legal notices. */
  public boolean mutable() {
    return this != LEGAL_NOTICES;
  }

  /**
   * Whether a person chooses its channels one by one (their preferences): every category of news,
   * not digests, which their own setting turns on.
   */
  public boolean chosenPerChannel() {
    return this != DIGESTS;
  }

  /** Whether it goes out on {@code channel} for someone who never said otherwise. */
  public boolean onByDefault(NotificationChannel channel) {
    return byDefault.contains(channel);
  }
}
