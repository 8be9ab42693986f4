package org.redgovernance.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.redgovernance.api.matters.MatterDesk;
import org.redgovernance.api.support.Rows;
import org.redgovernance.testing.GraphQlHttp;
import org.redgovernance.testing.GraphQlResult;
import tools.jackson.databind.JsonNode;

/**
 * The Baiguoshu demo resident's notification settings, as the tests of settings, channels and
 * digests change them, and a matter of theirs the secretary takes up (which tells them).
 */
final class ResidentSettings {

  static final String COMMUNITY = "baiguoshu";
  static final String RESIDENT = "baiguoshu.resident";
  static final String RESIDENT_ID = "d3e00000-0000-4000-8000-000000000008";
  static final String RESIDENT_EMAIL = "baiguoshu.resident@demo.red-governance.local";

  private ResidentSettings() {}

  /** Back to the platform's defaults: no settings, choices, consents or digests of theirs. */
  static void reset() {
    for (String table :
        new String[] {
          "notification_preference",
          "notification_setting",
          "notification_wechat_consent",
          "notification_digest"
        }) {
      Rows.update("DELETE FROM rg." + table + " WHERE user_id = ?", RESIDENT_ID);
    }
  }

  /**
   * {@code updateNotificationSettings} as the resident, of Baiguoshu unless the input names one.
   */
  static GraphQlResult update(GraphQlHttp graphql, Map<String, Object> input) {
    Map<String, Object> given = new HashMap<>(input);
    given.putIfAbsent("communityKey", COMMUNITY);
    return graphql
        .document("updateNotificationSettings")
        .as(RESIDENT)
        .variable("input", given)
        .execute();
  }

  /** {@link #update} that must succeed. */
  static GraphQlResult updated(GraphQlHttp graphql, Map<String, Object> input) {
    GraphQlResult result = update(graphql, input);
    assertThat(result.data("updateNotificationSettings.errors").size()).as("%s", result).isZero();
    return result;
  }

  static Map<String, Object> choice(String category, String channel, boolean enabled) {
    return Map.of("category", category, "channel", channel, "enabled", enabled);
  }

  static Map<String, Object> noQuietHours() {
    return Map.of("from", "00:00", "until", "00:00");
  }

  /** One channel's status in the settings. */
  static JsonNode channel(JsonNode settings, String channel) {
    for (JsonNode status : settings.path("channels")) {
      if (status.path("channel").asString().equals(channel)) {
        return status;
      }
    }
    throw new AssertionError("no channel " + channel + " in " + settings);
  }

  /** The secretary accepts the matter, which tells its reporter. */
  static void accept(MatterDesk desk, String matter) {
    GraphQlResult accepted = desk.call("baiguoshu.secretary", "acceptMatter", Map.of("id", matter));
    assertThat(accepted.data("acceptMatter.errors").size()).as("%s", accepted).isZero();
  }
}
