package org.redgovernance.api.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** The SQL of JSON written as text: what PostgreSQL is asked to do per row, and what not. */
class JsonTextTests {

  private static final DSLContext POSTGRES = DSL.using(SQLDialect.POSTGRES);

  private static final Field<String> NAME = DSL.field(DSL.name("r", "name"), String.class);

  private static String sql(Field<?> field) {
    return POSTGRES.renderInlined(field);
  }

  @Test
  void keysAndConstants_areWrittenOnce_asOneLiteral() {
    Field<?> object =
        JsonText.object(
            List.of("__typename", "kind", "name"),
            List.of(
                JsonText.of(DSL.inline("Household")),
                JsonText.of(DSL.inline("it's")),
                JsonText.orNull(JsonText.of(NAME))));

    assertThat(sql(object))
        .isEqualTo(
            "('{\"__typename\":\"Household\",\"kind\":\"it''s\",\"name\":'::text"
                + " || coalesce(to_json(\"r\".\"name\")::text, 'null'::text) || '}'::text)");
  }

  @Test
  void constants_areWrittenAsJson() {
    assertThat(sql(JsonText.of(DSL.inline(true)))).isEqualTo("'true'::text");
    assertThat(sql(JsonText.of(DSL.inline(7)))).isEqualTo("'7'::text");
    assertThat(sql(JsonText.of(DSL.inline((String) null)))).isEqualTo("'null'::text");
    assertThat(sql(JsonText.of(DSL.inline("a\"b\\c\n")))).isEqualTo("'\"a\\\"b\\\\c\\n\"'::text");
  }

  @Test
  void otherConstants_areLeftToPostgreSql_withTheirType() {
    assertThat(sql(JsonText.of(DSL.inline(1.5))))
        .startsWith("to_json(")
        .endsWith("::double precision)::text");
  }

  @Test
  void aBoundValue_isNeverInlined_andTellsToJsonItsType() {
    Field<?> json = JsonText.of(DSL.val("the caller's user id"));

    assertThat(POSTGRES.render(json)).isEqualTo("to_json(?::varchar)::text");
    assertThat(POSTGRES.extractBindValues(json)).hasSize(1);
  }

  @Test
  void theSlotsControlCharacters_areWrittenAsEscapes() {
    assertThat(JsonText.sqlLiteral("\"" + Base64Slots.opening(83) + "Household:\\"))
        .isEqualTo("E'\"\\x0183\\x02Household:\\\\'::text");
  }

  @Test
  void aValueThatIsAlreadyJson_isNotWrittenAgain_andAbsentBecomesNull() {
    Field<?> id =
        JsonSql.globalId(
            "Resident",
            DSL.field(DSL.name("r", "community_id"), UUID.class),
            DSL.field(DSL.name("r", "id"), UUID.class));

    assertThat(POSTGRES.render(JsonText.of(id))).doesNotContain("to_json");
    assertThat(POSTGRES.render(JsonText.orNull(JsonText.of(id)))).startsWith("coalesce(");
  }
}
