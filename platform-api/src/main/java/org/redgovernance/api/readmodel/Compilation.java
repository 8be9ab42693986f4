package org.redgovernance.api.readmodel;

import graphql.schema.SelectedField;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * One statement being compiled: the request it answers, and the aliases given so far — every table
 * read in the statement gets its own ({@code r0}, {@code r1} …), so that a type reached twice (a
 * matter's reporter and its assignee, both residents) never confuses two rows.
 */
public final class Compilation {

  private final ReadModel model;
  private final ReadRequest request;
  private int aliases;

  Compilation(ReadModel model, ReadRequest request) {
    this.model = model;
    this.request = request;
  }

  public ReadRequest request() {
    return request;
  }

  /** {@code ref}'s table under an alias no other table of the statement has. */
  public <R extends Table<?>> R alias(ModelRef<R> ref) {
    return ref.alias().apply("r" + aliases++);
  }

  /** The rows of {@code ref}'s type the caller may see ({@link ObjectModel.Builder#rows}). */
  public Condition visible(ModelRef<?> ref, Table<?> row) {
    return model.type(ref.typeName()).map(type -> type.visible(row, request)).orElse(noRows());
  }

  /** A type the read model does not declare shows no rows. */
  private static Condition noRows() {
    return DSL.falseCondition();
  }

  /**
   * The object of {@code row} (a row of the declared type {@code typeName}) as {@code selection}
   * selects it; empty when the type is not declared or a selected field cannot be compiled.
   */
  public Optional<Field<JSON>> object(
      String typeName, Table<?> row, List<SelectedField> selection) {
    return model.type(typeName).flatMap(type -> type.compile(row, selection, this));
  }
}
