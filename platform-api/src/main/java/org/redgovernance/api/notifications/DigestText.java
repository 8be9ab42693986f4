package org.redgovernance.api.notifications;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.redgovernance.api.graphql.EnumLabels;

/**
 * A digest's text, in Chinese like the inbox: the community and the window in the title, then the
 * notifications by category, newest first, each as its own text said it (so a digest says no more
 * of anyone than the notifications did); as many as fit, then how many more wait in the inbox.
 */
final class DigestText {

  /** The most a digest's text holds (the notification's body holds 2,000 characters). */
  static final int MAX_BODY = 1_900;

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

  private DigestText() {}

  static String title(
      String communityName, DigestFrequency frequency, LocalDate from, LocalDate until) {
    String window =
        frequency == DigestFrequency.DAILY
            ? DAY.format(from)
            : DAY.format(from) + "—" + DAY.format(until.minusDays(1));
    String label = frequency == DigestFrequency.DAILY ? "每日通知摘要" : "每周通知摘要";
    return NotificationTemplates.oneShortLine(communityName) + label + "（" + window + "）";
  }

  static String body(List<DigestRepository.Item> items, EnumLabels labels, ZoneId zone) {
    StringBuilder text = new StringBuilder("您有" + items.size() + "条通知尚未查看：\n");
    NotificationCategory heading = null;
    int listed = 0;
    for (DigestRepository.Item item : items) {
      StringBuilder lines = new StringBuilder();
      if (item.category() != heading) {
        lines
            .append("\n【")
            .append(labels.of("NotificationCategory", item.category().name()))
            .append("】\n");
      }
      lines
          .append("· ")
          .append(item.body())
          .append("（")
          .append(WHEN.format(item.createdAt().atZoneSameInstant(zone)))
          .append("）\n");
      if (text.length() + lines.length() > MAX_BODY) {
        break;
      }
      text.append(lines);
      heading = item.category();
      listed++;
    }
    if (listed < items.size()) {
      text.append("\n……另有").append(items.size() - listed).append("条，请在应用中查看。\n");
    }
    return text.toString();
  }
}
