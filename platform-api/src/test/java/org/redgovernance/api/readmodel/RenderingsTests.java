package org.redgovernance.api.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;

/** What a shape rendered is kept only when it is the same for every request, and not forever. */
class RenderingsTests {

  private static Field<JSON> object(Field<?> value) {
    return DSL.function("json_build_object", SQLDataType.JSON, DSL.inline("n"), value);
  }

  @Test
  void sqlWithoutBindValues_isKept_andGivenBackAsTheSameText() {
    Renderings renderings = new Renderings(8);
    Field<JSON> rendered = object(DSL.field(DSL.name("rg", "matter", "title")));

    renderings.remember("title", rendered);

    assertThat(renderings.size()).isEqualTo(1);
    assertThat(DSL.using(SQLDialect.POSTGRES).render(renderings.get("title").orElseThrow()))
        .isEqualTo(DSL.using(SQLDialect.POSTGRES).render(rendered));
  }

  @Test
  void sqlThatBindsARequestValue_isNotKept() {
    Renderings renderings = new Renderings(8);

    renderings.remember("mine", object(DSL.val("the caller's user id")));

    assertThat(renderings.size()).isZero();
    assertThat(renderings.get("mine")).isEmpty();
  }

  @Test
  void aSelectionFoundToBindValues_isNotLookedAtAgain() {
    Renderings renderings = new Renderings(8);
    renderings.remember("mine", object(DSL.val("the caller's user id")));

    // a selection's SQL binds the same values every time; the second look would render it again
    renderings.remember("mine", object(DSL.inline("anything")));

    assertThat(renderings.get("mine")).isEmpty();
  }

  @Test
  void noMoreThanTheCapacity_isKept() {
    Renderings renderings = new Renderings(2);
    for (String key : new String[] {"a", "b", "c", "d"}) {
      renderings.remember(key, object(DSL.inline(key)));
    }

    assertThat(renderings.size()).isEqualTo(2);
    assertThat(renderings.get("c")).isEmpty();
  }
}
