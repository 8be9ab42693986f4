package org.redgovernance.api.readmodel;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.SelectedField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.JSON;
import org.jooq.OrderField;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Every declared object type ({@link ObjectModel} beans of the features), and the statements that
 * answer a selection of them: one object, or a list, each one statement whose JSON goes to the
 * client unparsed ({@link RenderedJson}).
 */
@Component
public class ReadModel {

  private final Map<String, ObjectModel<?>> types;

  public ReadModel(List<ObjectModel<?>> declared) {
    Map<String, ObjectModel<?>> own =
        declared.stream()
            .filter(model -> !model.isExtension())
            .collect(
                Collectors.toMap(
                    ObjectModel::typeName,
                    Function.identity(),
                    (a, b) -> {
                      throw new IllegalStateException(a.typeName() + " is declared twice");
                    }));
    for (ObjectModel<?> extension : declared) {
      if (extension.isExtension()) {
        ObjectModel<?> base = own.get(extension.typeName());
        if (base == null) {
          throw new IllegalStateException(
              extension.typeName() + " is extended but declared nowhere");
        }
        own.put(extension.typeName(), base.merge(extension));
      }
    }
    this.types = Map.copyOf(own);
  }

  /** Fields of declared types that are not declared yet, as {@code Type.field}, sorted. */
  public List<String> pending() {
    return types.values().stream()
        .flatMap(type -> type.pending().stream().map(field -> type.typeName() + "." + field))
        .sorted()
        .toList();
  }

  /**
   * The statement writing one declared field of an object resolved in Java (a parent of the type
   * {@code typeName} with this id), as {@code selected} asks; empty when the field cannot be
   * compiled. The way a declared field answers while its parent type is still resolved in Java.
   */
  public Optional<Select<Record1<JSON>>> field(
      String typeName, GlobalIdParts parent, String field, Selected selected, ReadRequest request) {
    return type(typeName).flatMap(type -> field(type, parent, field, selected, request));
  }

  private <T extends Table<?>> Optional<Select<Record1<JSON>>> field(
      ObjectModel<T> type,
      GlobalIdParts parent,
      String field,
      Selected selected,
      ReadRequest request) {
    Compilation compilation = new Compilation(this, request);
    T row = compilation.alias(type.ref());
    return type.byId(row, parent)
        .flatMap(
            where ->
                type.compileField(row, field, selected, compilation)
                    .map(
                        json ->
                            DSL.select(json)
                                .from(row)
                                .where(where, compilation.visible(type.ref(), row))
                                .limit(1)));
  }

  /** Whether the read model declares the type: then it answers every selection of it. */
  public boolean declares(String typeName) {
    return types.containsKey(typeName);
  }

  Optional<ObjectModel<?>> type(String name) {
    return Optional.ofNullable(types.get(name));
  }

  /**
   * The statement writing the row of {@code ref}'s table that {@code where} finds, as {@code
   * selection} selects it (no row: no answer); empty when the selection cannot be compiled.
   */
  public <T extends Table<?>> Optional<Select<Record1<JSON>>> one(
      ModelRef<T> ref,
      Function<T, Condition> where,
      List<SelectedField> selection,
      ReadRequest request) {
    Compilation compilation = new Compilation(this, request);
    T row = compilation.alias(ref);
    return compilation
        .object(ref.typeName(), row, selection)
        .map(
            json ->
                DSL.select(json)
                    .from(row)
                    .where(where.apply(row), compilation.visible(ref, row))
                    .limit(1));
  }

  /**
   * The statement writing the object of the declared type {@code typeName} with this id, as {@code
   * selection} selects it; empty when the type declares no id or the selection cannot be compiled.
   */
  public Optional<Select<Record1<JSON>>> byId(
      String typeName, GlobalIdParts id, List<SelectedField> selection, ReadRequest request) {
    return type(typeName).flatMap(type -> byId(type, id, selection, request));
  }

  private <T extends Table<?>> Optional<Select<Record1<JSON>>> byId(
      ObjectModel<T> type, GlobalIdParts id, List<SelectedField> selection, ReadRequest request) {
    Compilation compilation = new Compilation(this, request);
    T row = compilation.alias(type.ref());
    return type.byId(row, id)
        .flatMap(
            where ->
                compilation
                    .object(type.typeName(), row, selection)
                    .map(
                        json ->
                            DSL.select(json)
                                .from(row)
                                .where(where, compilation.visible(type.ref(), row))
                                .limit(1)));
  }

  /**
   * The statement writing the rows of {@code ref}'s table that {@code where} finds, in {@code
   * order}, as a JSON list of objects {@code selection} selects ([] for none); empty when the
   * selection cannot be compiled.
   */
  public <T extends Table<?>> Optional<Select<Record1<JSON>>> list(
      ModelRef<T> ref,
      Function<T, Condition> where,
      Function<T, List<? extends OrderField<?>>> order,
      List<SelectedField> selection,
      ReadRequest request) {
    Compilation compilation = new Compilation(this, request);
    T row = compilation.alias(ref);
    return compilation
        .object(ref.typeName(), row, selection)
        .map(
            json ->
                DSL.select(JsonShape.array(json, order.apply(row).toArray(OrderField<?>[]::new)))
                    .from(row)
                    .where(where.apply(row), compilation.visible(ref, row)));
  }

  /**
   * What is wrong with the declarations against {@code schema}: a declared type the schema does not
   * have as an object type, a field of the type declared nowhere, a declared field the type does
   * not have. Empty when every declared type is declared whole.
   */
  public List<String> problems(GraphQLSchema schema) {
    List<String> problems = new ArrayList<>();
    types.values().stream()
        .sorted(java.util.Comparator.comparing(ObjectModel::typeName))
        .forEach(
            model -> {
              if (!(schema.getType(model.typeName()) instanceof GraphQLObjectType type)) {
                problems.add(model.typeName() + " is declared but is no object type of the schema");
                return;
              }
              for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                if (!model.declaredFields().contains(field.getName())) {
                  problems.add(type.getName() + "." + field.getName() + " is not declared");
                }
              }
              for (String field : model.declaredFields()) {
                if (type.getFieldDefinition(field) == null) {
                  problems.add(type.getName() + "." + field + " is declared but not in the schema");
                }
              }
            });
    return problems;
  }
}
