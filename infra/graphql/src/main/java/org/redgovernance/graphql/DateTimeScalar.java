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
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** {@code DateTime}: an ISO-8601 instant with its offset, e.g. 2026-11-28T19:00:00+08:00. */
public final class DateTimeScalar {

  public static final GraphQLScalarType INSTANCE =
      GraphQLScalarType.newScalar()
          .name("DateTime")
          .description("An ISO-8601 date-time with offset, e.g. 2026-11-28T19:00:00+08:00")
          .coercing(new DateTimeCoercing())
          .build();

  private DateTimeScalar() {}

  private static final class DateTimeCoercing implements Coercing<OffsetDateTime, String> {

    @Override
    public String serialize(Object value, GraphQLContext context, Locale locale) {
      if (value instanceof OffsetDateTime dateTime) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime);
      }
      throw new CoercingSerializeException("Not a date-time: " + value);
    }

    @Override
    public OffsetDateTime parseValue(Object input, GraphQLContext context, Locale locale) {
      try {
        return OffsetDateTime.parse(String.valueOf(input));
      } catch (DateTimeParseException e) {
        throw new CoercingParseValueException("Not an ISO-8601 date-time with offset: " + input);
      }
    }

    @Override
    public OffsetDateTime parseLiteral(
        Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
      if (input instanceof StringValue string) {
        try {
          return OffsetDateTime.parse(string.getValue());
        } catch (DateTimeParseException e) {
          throw new CoercingParseLiteralException("Not an ISO-8601 date-time with offset");
        }
      }
      throw new CoercingParseLiteralException("DateTime must be a string");
    }
  }
}
