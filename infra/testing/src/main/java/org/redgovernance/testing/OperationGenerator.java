package org.redgovernance.testing;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Writes random operations from the schema, as an attacker exploring the API would: every root
 * field with arguments drawn from boundary and hostile values (empty, huge, NUL, other communities'
 * keys and IDs, out-of-range page sizes, malformed dates), and a random selection below it, nested
 * a few levels. Arguments are written as literals, so a document is self-contained.
 */
public final class OperationGenerator {

  /**
   * The keys and IDs an argument may name (a string argument whose name holds "key" or "community"
   * is given one of the keys); a fuzz test gives mutations only foreign ones.
   */
  public record Targets(List<String> communityKeys, List<String> ids) {}

  private static final List<String> STRINGS =
      List.of(
          "",
          " ",
          "x",
          "白果树",
          "%",
          "_",
          "*",
          "'; DROP TABLE rg.matter; --",
          "<script>alert(1)</script>",
          "😀",
          "a\\u0000b",
          "\\ud800",
          "a\\u0007b",
          "很".repeat(300),
          "x".repeat(50_001),
          "13912345678",
          "330201199001010013",
          "Matter:00000000-0000-0000-0000-000000000000:00000000-0000-0000-0000-000000000000");

  private static final List<String> INTS =
      List.of("0", "-1", "1", "2", "20", "100", "101", "2147483647", "-2147483648");

  private static final List<String> DATES =
      List.of("\"2026-01-01\"", "\"2026-13-45\"", "\"yesterday\"", "\"\"", "\"9999-12-31\"");

  private static final List<String> DATE_TIMES =
      List.of(
          "\"2026-01-01T08:00:00Z\"",
          "\"2026-01-01T08:00:00+08:00\"",
          "\"not a time\"",
          "\"\"",
          "\"0001-01-01T00:00:00Z\"");

  private final GraphQLSchema schema;
  private final Random random;

  public OperationGenerator(GraphQLSchema schema, Random random) {
    this.schema = schema;
    this.random = random;
  }

  /** A query selecting {@code field} of Query, or a mutation of {@code field} of Mutation. */
  public String operation(GraphQLFieldDefinition field, boolean mutation, Targets targets) {
    return (mutation ? "mutation " : "query ") + "{ " + field(field, targets, 0) + " }";
  }

  private String field(GraphQLFieldDefinition field, Targets targets, int depth) {
    StringBuilder text = new StringBuilder(field.getName());
    List<String> arguments = new ArrayList<>();
    for (GraphQLArgument argument : field.getArguments()) {
      boolean required = GraphQLTypeUtil.isNonNull(argument.getType());
      if (required || random.nextInt(3) == 0) {
        arguments.add(
            argument.getName() + ": " + value(argument.getName(), argument.getType(), targets, 0));
      }
    }
    if (!arguments.isEmpty()) {
      text.append("(").append(String.join(", ", arguments)).append(")");
    }
    String selection = selection(field.getType(), targets, depth + 1);
    if (!selection.isEmpty()) {
      text.append(" ").append(selection);
    }
    return text.toString();
  }

  private String selection(GraphQLOutputType type, Targets targets, int depth) {
    GraphQLType named = GraphQLTypeUtil.unwrapAll(type);
    if (named instanceof GraphQLObjectType object) {
      return "{ " + fields(object.getFieldDefinitions(), targets, depth) + " }";
    }
    if (named instanceof GraphQLInterfaceType face) {
      StringBuilder text = new StringBuilder("{ __typename");
      List<GraphQLObjectType> implementations = schema.getImplementations(face);
      if (!implementations.isEmpty()) {
        GraphQLObjectType one = implementations.get(random.nextInt(implementations.size()));
        text.append(" ... on ")
            .append(one.getName())
            .append(" { ")
            .append(fields(one.getFieldDefinitions(), targets, depth))
            .append(" }");
      }
      return text.append(" }").toString();
    }
    if (named instanceof GraphQLUnionType union) {
      GraphQLObjectType one =
          (GraphQLObjectType) union.getTypes().get(random.nextInt(union.getTypes().size()));
      return "{ __typename ... on "
          + one.getName()
          + " { "
          + fields(one.getFieldDefinitions(), targets, depth)
          + " } }";
    }
    return "";
  }

  /** Up to six fields: every leaf may be picked, objects only while not too deep. */
  private String fields(List<GraphQLFieldDefinition> candidates, Targets targets, int depth) {
    List<String> chosen = new ArrayList<>();
    chosen.add("__typename");
    List<GraphQLFieldDefinition> shuffled = new ArrayList<>(candidates);
    Collections.shuffle(shuffled, random);
    for (GraphQLFieldDefinition field : shuffled) {
      if (chosen.size() >= 6) {
        break;
      }
      boolean leaf = GraphQLTypeUtil.isLeaf(GraphQLTypeUtil.unwrapAll(field.getType()));
      if (leaf || depth < 4) {
        chosen.add(field(field, targets, depth));
      }
    }
    return String.join(" ", chosen);
  }

  private String value(String name, GraphQLInputType type, Targets targets, int depth) {
    if (!(type instanceof GraphQLNonNull) && random.nextInt(6) == 0) {
      return "null";
    }
    GraphQLType inner = GraphQLTypeUtil.unwrapNonNull(type);
    if (inner instanceof GraphQLList list) {
      int size = depth > 2 ? 0 : random.nextInt(4);
      List<String> items = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        items.add(value(name, (GraphQLInputType) list.getWrappedType(), targets, depth + 1));
      }
      return "[" + String.join(", ", items) + "]";
    }
    if (inner instanceof GraphQLEnumType enumType) {
      List<GraphQLEnumValueDefinition> values = enumType.getValues();
      return values.get(random.nextInt(values.size())).getName();
    }
    if (inner instanceof GraphQLInputObjectType object) {
      List<String> fields = new ArrayList<>();
      for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
        if (GraphQLTypeUtil.isNonNull(field.getType()) || random.nextBoolean()) {
          fields.add(
              field.getName() + ": " + value(field.getName(), field.getType(), targets, depth + 1));
        }
      }
      return "{" + String.join(", ", fields) + "}";
    }
    return scalar(name, (GraphQLScalarType) inner, targets);
  }

  private String scalar(String name, GraphQLScalarType type, Targets targets) {
    switch (type.getName()) {
      case "Int":
        return pick(INTS);
      case "Float":
        return pick(List.of("0.0", "-1.5", "4.5", "1e300"));
      case "Boolean":
        return random.nextBoolean() ? "true" : "false";
      case "Date":
        return pick(DATES);
      case "DateTime":
        return pick(DATE_TIMES);
      case "ID":
        return quoted(
            targets.ids().isEmpty() || random.nextInt(4) == 0
                ? pick(List.of("", "!!", "bm90IGFuIGlk", pick(STRINGS)))
                : pick(targets.ids()));
      default:
        boolean names =
            name.toLowerCase().contains("key") || name.toLowerCase().contains("community");
        if (names && !targets.communityKeys().isEmpty() && random.nextInt(4) != 0) {
          return quoted(pick(targets.communityKeys()));
        }
        if (name.equals("after") && !targets.ids().isEmpty() && random.nextBoolean()) {
          return quoted(pick(targets.ids()));
        }
        return quoted(pick(STRINGS));
    }
  }

  /** A GraphQL string literal; the pool's {@code \\u} escapes stay escapes. */
  private static String quoted(String text) {
    return "\"" + text.replace("\"", "\\\"") + "\"";
  }

  private String pick(List<String> values) {
    return values.get(random.nextInt(values.size()));
  }
}
