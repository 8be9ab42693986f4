package org.redgovernance.api.graphql;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The zh-CN display labels of the schema's enum values ({@code labels_zh_CN.properties}, keys
 * {@code Enum.VALUE}): what {@code enumLabels} answers, and what texts the platform writes itself
 * (a digest's headings) show.
 */
@Component("zhEnumLabels")
public class EnumLabels {

  private final Properties labels = new Properties();

  EnumLabels() {
    try (var reader =
        new InputStreamReader(
            new ClassPathResource("labels_zh_CN.properties").getInputStream(),
            StandardCharsets.UTF_8)) {
      labels.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The label of {@code value} of enum {@code enumName}; the value's name where it has none. */
  public String of(String enumName, String value) {
    return labels.getProperty(enumName + "." + value, value);
  }
}
