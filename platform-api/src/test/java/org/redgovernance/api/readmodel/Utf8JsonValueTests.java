package org.redgovernance.api.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** A rendered answer reaches the response byte for byte, however the response is written. */
class Utf8JsonValueTests {

  private final JsonMapper mapper = JsonMapper.builder().build();

  @Test
  void aSmallValue_followsItsNameInAUtf8Response() throws Exception {
    assertThat(utf8Response("{\"name\" : \"宋敏\"}"))
        .isEqualTo("{\"before\":1,\"answer\":{\"name\" : \"宋敏\"},\"after\":2}");
  }

  @Test
  void aValueLargerThanTheGeneratorsBuffer_isWrittenWhole() throws Exception {
    String large = "[" + "\"白果树社区\",".repeat(20_000) + "\"end\"]";

    assertThat(utf8Response(large))
        .isEqualTo("{\"before\":1,\"answer\":" + large + ",\"after\":2}");
  }

  @Test
  void aCharacterResponse_getsTheSameText() throws Exception {
    String large = "[" + "\"白果树社区\",".repeat(20_000) + "\"end\"]";
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = mapper.createGenerator(out)) {
      write(generator, large);
    }

    assertThat(out.toString()).isEqualTo("{\"before\":1,\"answer\":" + large + ",\"after\":2}");
  }

  private String utf8Response(String json) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator generator = mapper.createGenerator(out)) {
      write(generator, json);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void write(JsonGenerator generator, String json) {
    generator.writeStartObject();
    generator.writeNumberProperty("before", 1);
    generator.writeName("answer");
    generator.writeRawValue(new Utf8JsonValue(json.getBytes(StandardCharsets.UTF_8)));
    generator.writeNumberProperty("after", 2);
    generator.writeEndObject();
  }
}
