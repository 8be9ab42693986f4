package org.redgovernance.api.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.graphql.Page;
import org.redgovernance.api.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Each scalar PostgreSQL writes for rendered answers is exactly what the Java side writes. */
class JsonSqlIntegrationTests extends IntegrationTest {

  @Autowired DSLContext dsl;

  @Test
  void dateTimes_areWrittenAsJavaWritesThem() {
    for (OffsetDateTime at : instants()) {
      String written = dsl.select(JsonSql.dateTime(DSL.val(at))).fetchOne().value1();
      OffsetDateTime utc = at.withOffsetSameInstant(ZoneOffset.UTC);
      assertThat(written)
          .as("%s", at)
          .isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(utc));
    }
  }

  @Test
  void globalIdsAndCursors_areWrittenAsJavaWritesThem() {
    Random random = new Random(6);
    for (int i = 0; i < 50; i++) {
      UUID community = new UUID(random.nextLong(), random.nextLong());
      UUID id = new UUID(random.nextLong(), random.nextLong());
      String type = i % 2 == 0 ? "Matter" : "MatterSubcategory";
      assertThat(written(JsonSql.globalId(type, DSL.val(community), DSL.val(id))))
          .isEqualTo('"' + GlobalId.of(type, community, id) + '"');
      // any length, not only ASCII, and the slot's own control characters in the text
      String key = "白果树 " + community + "|\u0001" + i + "\u0002|" + id + "|" + "?".repeat(i);
      assertThat(written(JsonSql.base64Url(DSL.val(key))))
          .isEqualTo('"' + Page.encodeCursor(key) + '"');
    }
  }

  @Test
  void anAbsentId_isNull() {
    assertThat(
            written(
                JsonText.orNull(
                    JsonSql.globalId(
                        "Matter", DSL.val(UUID.randomUUID()), DSL.val(null, UUID.class)))))
        .isEqualTo("null");
  }

  @Test
  void controlCharactersInValues_areEscaped_soThatNoValueReadsAsASlot() {
    String sneaky = "\u0001" + "9" + "\u0002" + "Household:x";
    assertThat(written(JsonText.of(DSL.val(sneaky)))).isEqualTo("\"\\u00019\\u0002Household:x\"");
  }

  private String written(Field<JSON> json) {
    return RenderedJson.fetch(dsl, DSL.select(json)).toString();
  }

  private static List<OffsetDateTime> instants() {
    List<OffsetDateTime> instants = new ArrayList<>();
    OffsetDateTime base = OffsetDateTime.of(2026, 11, 28, 19, 0, 0, 0, ZoneOffset.ofHours(8));
    instants.add(base);
    instants.add(base.plusSeconds(30));
    instants.add(base.plusNanos(250_000_000));
    instants.add(base.plusNanos(1_000));
    instants.add(base.plusNanos(120_000));
    instants.add(base.plusSeconds(7).plusNanos(100_000_000));
    instants.add(base.plusSeconds(7).plusNanos(999_999_000));
    Random random = new Random(28);
    for (int i = 0; i < 200; i++) {
      instants.add(
          base.plusSeconds(random.nextInt(100_000_000))
              .plusNanos(random.nextInt(1_000_000) * 1000L));
    }
    return instants;
  }
}
