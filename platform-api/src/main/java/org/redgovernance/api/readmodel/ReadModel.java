package org.redgovernance.api.readmodel;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.SelectedField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.OrderField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Every declared object type ({@link ObjectModel} beans of the features), and the statements that
 * answer a selection of them: one object, or a list, each one statement whose JSON goes to the
 * client unparsed ({@link RenderedJson}).
 */
@Component
public class ReadModel {

  private final Map<String, ObjectModel<?>> types;
  private final Map<String, String> answeredInJava;

  public ReadModel(List<ObjectModel<?>> declared) {
    this(declared, List.of());
  }

  @org.springframework.beans.factory.annotation.Autowired
  public ReadModel(List<ObjectModel<?>> declared, List<AnsweredInJava> answeredInJava) {
    this.answeredInJava = new java.util.HashMap<>();
    for (AnsweredInJava java : answeredInJava) {
      for (String type : java.typeNames()) {
        if (this.answeredInJava.put(type, java.reason()) != null) {
          throw new IllegalStateException(type + " is said twice to be answered in Java");
        }
      }
    }
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

  /**
   * One declared field of an object resolved in Java (a parent of the type {@code typeName} with
   * this id), as {@code selected} asks; empty when the field cannot be compiled. The way a declared
   * field answers while its parent type is still resolved in Java.
   */
  public Optional<Compiled> field(
      String typeName, GlobalIdParts parent, String field, Selected selected, ReadRequest request) {
    return type(typeName).flatMap(type -> field(type, parent, field, selected, request));
  }

  private <T extends Table<?>> Optional<Compiled> field(
      ObjectModel<T> type,
      GlobalIdParts parent,
      String field,
      Selected selected,
      ReadRequest request) {
    return ofObject(type, parent, request, (row, c) -> type.compileField(row, field, selected, c));
  }

  /**
   * A page of the rows of {@code ref}'s table that {@code where} finds, as the connection field's
   * {@code first} and {@code after} {@code arguments} ask and its {@code selection} selects, all of
   * them in {@code community} (null: possibly several); empty when the selection cannot be
   * compiled.
   */
  public <T extends Table<?>> Optional<Compiled> page(
      ModelRef<T> ref,
      Function<T, Condition> where,
      Keyset<T> keyset,
      Map<String, Object> arguments,
      List<SelectedField> selection,
      ReadRequest request,
      @Nullable UUID community) {
    Compilation compilation = compilation(request, community);
    return compilation
        .connection(ref, where, keyset, arguments, selection)
        .map(compilation::compiled);
  }

  /**
   * Whether the field of the declared type is written by SQL; false for one resolved in Java, and
   * for a type not declared.
   */
  public boolean writesInSql(String typeName, String field) {
    return type(typeName).map(type -> type.writesInSql(field)).orElse(false);
  }

  /**
   * The id of {@code object} when it is a Java object standing for a row of the declared type
   * {@code typeName}; null otherwise.
   */
  @Nullable GlobalIdParts idOfJavaObject(String typeName, @Nullable Object object) {
    ObjectModel<?> type = types.get(typeName);
    return type == null ? null : type.idOfJavaObject(object);
  }

  /**
   * Whether a declared field of the type is compiled when its parent is one of the type's Java
   * objects: declared in SQL, and not one the Java object answers itself.
   */
  boolean compiledOnJavaObjects(String typeName, String field) {
    return type(typeName)
        .map(type -> type.writesInSql(field) && !type.javaObjectsAnswer(field))
        .orElse(false);
  }

  /** Whether the read model declares the type: then it answers every selection of it. */
  public boolean declares(String typeName) {
    return types.containsKey(typeName);
  }

  Optional<ObjectModel<?>> type(String name) {
    return Optional.ofNullable(types.get(name));
  }

  /**
   * The row of {@code ref}'s table that {@code where} finds, in {@code community} (null: possibly
   * another), as {@code selection} selects it (no row: no answer); empty when the selection cannot
   * be compiled.
   */
  public <T extends Table<?>> Optional<Compiled> one(
      ModelRef<T> ref,
      Function<T, Condition> where,
      List<SelectedField> selection,
      ReadRequest request,
      @Nullable UUID community) {
    Compilation compilation = compilation(request, community);
    T row = compilation.alias(ref);
    return compilation
        .object(ref.typeName(), row, selection)
        .map(
            json ->
                compilation.compiled(
                    compilation.first(json, ref, row, where.apply(row), List.of())));
  }

  /**
   * The object of the declared type {@code typeName} with this id, as {@code selection} selects it;
   * empty when the type declares no id or the selection cannot be compiled.
   */
  public Optional<Compiled> byId(
      String typeName, GlobalIdParts id, List<SelectedField> selection, ReadRequest request) {
    return type(typeName).flatMap(type -> byId(type, id, selection, request));
  }

  private <T extends Table<?>> Optional<Compiled> byId(
      ObjectModel<T> type, GlobalIdParts id, List<SelectedField> selection, ReadRequest request) {
    return ofObject(type, id, request, (row, c) -> c.object(type.typeName(), row, selection));
  }

  /** The JSON {@code written} compiles for the object with this id: the object, or one field. */
  private <T extends Table<?>> Optional<Compiled> ofObject(
      ObjectModel<T> type,
      GlobalIdParts id,
      ReadRequest request,
      java.util.function.BiFunction<T, Compilation, Optional<Field<JSON>>> written) {
    Compilation compilation = compilation(request, id.communityId());
    T row = compilation.alias(type.ref());
    return type.byId(row, id)
        .flatMap(
            where ->
                written
                    .apply(row, compilation)
                    .map(
                        json ->
                            compilation.compiled(
                                compilation.first(json, type.ref(), row, where, List.of()))));
  }

  /**
   * The rows of {@code ref}'s table that {@code where} finds, in {@code order}, as a JSON list of
   * objects {@code selection} selects ([] for none), all in {@code community} (null: possibly
   * several); empty when the selection cannot be compiled.
   */
  public <T extends Table<?>> Optional<Compiled> list(
      ModelRef<T> ref,
      Function<T, Condition> where,
      Function<T, List<? extends OrderField<?>>> order,
      List<SelectedField> selection,
      ReadRequest request,
      @Nullable UUID community) {
    Compilation compilation = compilation(request, community);
    T row = compilation.alias(ref);
    return compilation
        .at(Compilation.LIST, () -> compilation.object(ref.typeName(), row, selection))
        .map(
            json ->
                compilation.compiled(
                    DSL.select(
                            JsonShape.array(json, order.apply(row).toArray(OrderField<?>[]::new)))
                        .from(compilation.from(row))
                        .where(where.apply(row), compilation.visible(ref, row))));
  }

  private Compilation compilation(ReadRequest request, @Nullable UUID community) {
    return new Compilation(
        this, request, community == null ? null : request.scope().byId(community).orElse(null));
  }

  /**
   * What is wrong with the declarations against {@code schema}: a declared type the schema does not
   * have as an object type, a field of the type declared nowhere, a declared field the type does
   * not have. Empty when every declared type is declared whole.
   */
  public List<String> problems(GraphQLSchema schema) {
    List<String> problems = new ArrayList<>(uncovered(schema));
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
              for (String field : model.ruledFields()) {
                if (!model.declaredFields().contains(field)) {
                  problems.add(
                      type.getName() + "." + field + " has a read rule but no declaration");
                } else if (type.getFieldDefinition(field) != null
                    && !GraphQLTypeUtil.isNullable(type.getFieldDefinition(field).getType())) {
                  problems.add(
                      type.getName() + "." + field + " has a read rule but cannot answer null");
                }
              }
            });
    return problems;
  }

  /**
   * Object types of the schema that are neither declared, nor answered in Java with a reason, nor
   * part of what a mutation or a subscription answers (payloads, their errors, events: the objects
   * they carry are declared types, read back), nor a connection's parts of a declared type.
   */
  private List<String> uncovered(GraphQLSchema schema) {
    Set<String> covered = new java.util.HashSet<>(types.keySet());
    covered.addAll(answeredInJava.keySet());
    covered.add("PageInfo");
    for (GraphQLObjectType root :
        java.util.stream.Stream.of(schema.getMutationType(), schema.getSubscriptionType())
            .filter(java.util.Objects::nonNull)
            .toList()) {
      covered.add(root.getName());
      root.getFieldDefinitions().forEach(field -> answersOfWrites(field.getType(), covered));
    }
    covered.add(schema.getQueryType().getName());
    List<String> uncovered = new ArrayList<>();
    for (graphql.schema.GraphQLNamedType type : schema.getAllTypesAsList()) {
      String name = type.getName();
      if (!(type instanceof GraphQLObjectType)
          || name.startsWith("__")
          || covered.contains(name)
          || connectionPart(name)) {
        continue;
      }
      uncovered.add(name + " is neither declared nor answered in Java with a reason");
    }
    uncovered.sort(null);
    return uncovered;
  }

  /** The object types a write's answer holds, down to the declared types it reads back. */
  private void answersOfWrites(graphql.schema.GraphQLType type, Set<String> covered) {
    if (GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLObjectType object
        && !types.containsKey(object.getName())
        && covered.add(object.getName())) {
      object.getFieldDefinitions().forEach(field -> answersOfWrites(field.getType(), covered));
    }
  }

  private boolean connectionPart(String name) {
    for (String suffix : List.of("Connection", "Edge")) {
      if (name.endsWith(suffix)
          && types.containsKey(name.substring(0, name.length() - suffix.length()))) {
        return true;
      }
    }
    return false;
  }
}
