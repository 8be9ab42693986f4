package org.redgovernance.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** {@code Date}: a calendar date, ISO-8601, e.g. 2026-11-28. */
public final class DateScalar {

  public static final GraphQLScalarType INSTANCE =
      GraphQLScalarType.newScalar()
          .name("Date")
          .description("A calendar date, ISO-8601, e.g. 2026-11-28")
          .coercing(new DateCoercing())
          .build();

  private DateScalar() {}

  private static final class DateCoercing implements Coercing<LocalDate, String> {

    @Override
    public String serialize(Object value, GraphQLContext context, Locale locale) {
      if (value instanceof LocalDate date) {
        return date.toString();
      }
      throw new CoercingSerializeException("Not a date: " + value);
    }

    @Override
    public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
      try {
        return LocalDate.parse(String.valueOf(input));
      } catch (DateTimeParseException e) {
        throw new CoercingParseValueException("Not an ISO-8601 date: " + input);
      }
    }

    @Override
    public LocalDate parseLiteral(
        Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
      if (input instanceof StringValue string) {
        try {
          return LocalDate.parse(string.getValue());
        } catch (DateTimeParseException e) {
          throw new CoercingParseLiteralException("Not an ISO-8601 date");
        }
      }
      throw new CoercingParseLiteralException("Date must be a string");
    }
  }
}
