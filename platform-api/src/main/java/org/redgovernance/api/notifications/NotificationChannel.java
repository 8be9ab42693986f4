package org.redgovernance.api.notifications;

/** Where a notification goes out. */
public enum NotificationChannel {
  /** The person's inbox in the apps (the {@code notifications} query). */
  IN_APP,
  /** E-mail. */
  EMAIL,
  /** A text message to a mobile number. */
  SMS,
  /** A WeChat subscription message. */
  WECHAT
}
