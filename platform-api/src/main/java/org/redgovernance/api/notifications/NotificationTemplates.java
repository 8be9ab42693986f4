package org.redgovernance.api.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The texts of notifications, per kind, in Chinese ({@link #PRIMARY}, what inboxes show) and
 * English: {@code notifications/templates_<locale>.properties}, a title and a body per kind, with
 * {@code {name}} where the subject's value of that name goes. Values come from the subject's
 * feature ({@link NotificationSubject#values}) and are cut to one short line here, so that a
 * template never carries more than a title's worth of what someone typed. And the link front ends
 * open, from {@code rg.notifications.link-pattern}.
 */
final class NotificationTemplates {

  static final Locale PRIMARY = Locale.SIMPLIFIED_CHINESE;
  static final Set<Locale> LOCALES = Set.of(PRIMARY, Locale.ENGLISH);
  static final int MAX_VALUE = 60;

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]+");

  /** A rendered title and body. */
  record Text(String title, String body) {}

  private final Map<Locale, Properties> texts;
  private final String linkPattern;

  NotificationTemplates(String linkPattern) {
    this.texts =
        LOCALES.stream().collect(Collectors.toMap(locale -> locale, NotificationTemplates::load));
    this.linkPattern = linkPattern;
  }

  /** The kinds with a text, in every language (the same set: a test holds them equal). */
  Set<String> kinds(Locale locale) {
    return texts.get(locale).stringPropertyNames().stream()
        .map(key -> key.substring(0, key.lastIndexOf('.')))
        .collect(Collectors.toSet());
  }

  /** The kind's text in {@code locale}, {@code {name}}s filled with {@code values}. */
  Text render(String kind, Locale locale, Map<String, String> values) {
    Properties text = texts.get(locale);
    String title = text.getProperty(kind + ".title");
    String body = text.getProperty(kind + ".body");
    if (title == null || body == null) {
      throw new IllegalStateException("No " + locale + " text for notifications of kind " + kind);
    }
    return new Text(fill(title, values), fill(body, values));
  }

  /** Where a front end shows the subject: the configured pattern, filled in. */
  String link(String communityKey, String type, String globalId) {
    return linkPattern
        .replace("{communityKey}", communityKey)
        .replace("{type}", type)
        .replace("{id}", globalId);
  }

  private static String fill(String template, Map<String, String> values) {
    Matcher placeholder = PLACEHOLDER.matcher(template);
    StringBuilder filled = new StringBuilder();
    while (placeholder.find()) {
      String value = values.get(placeholder.group(1));
      placeholder.appendReplacement(
          filled, Matcher.quoteReplacement(value == null ? "" : oneShortLine(value)));
    }
    placeholder.appendTail(filled);
    return filled.toString();
  }

  /** What someone typed, as one line of at most {@link #MAX_VALUE} characters. */
  static String oneShortLine(String value) {
    String line = CONTROL.matcher(value).replaceAll(" ").strip();
    return line.codePointCount(0, line.length()) <= MAX_VALUE
        ? line
        : line.substring(0, line.offsetByCodePoints(0, MAX_VALUE - 1)) + "…";
  }

  private static Properties load(Locale locale) {
    String name = "notifications/templates_" + locale + ".properties";
    try (InputStream in = NotificationTemplates.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing " + name);
      }
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
