package org.redgovernance.api.readmodel;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.redgovernance.api.tenancy.AccessScope;

/**
 * What a compiled read may depend on besides the selection: who asks (their scope) and the
 * request's one clock reading. Every rule that depends on time ("overdue", "due today") reads
 * {@link #now} from here, in Java and bound into SQL alike, so that one request never sees two
 * times.
 */
public record ReadRequest(AccessScope scope, OffsetDateTime now) {

  /** Where the communities are: calendar days ("today", due dates) are days of this zone. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private static final String NOW_KEY = ReadRequest.class.getName() + ".now";

  /** Today where the communities are, by the request's one clock. */
  public LocalDate today() {
    return now.atZoneSameInstant(ZONE).toLocalDate();
  }

  /** A read on its own, outside a request's execution (a subscription's event), at this time. */
  public static ReadRequest now(AccessScope scope) {
    return new ReadRequest(scope, OffsetDateTime.now(Clock.system(ZoneOffset.UTC)));
  }

  /**
   * The request's facts: its scope, and the time read once on first use and kept in its context.
   */
  public static ReadRequest of(DataFetchingEnvironment environment) {
    GraphQLContext context = environment.getGraphQlContext();
    OffsetDateTime now =
        context.computeIfAbsent(NOW_KEY, key -> OffsetDateTime.now(Clock.system(ZoneOffset.UTC)));
    return new ReadRequest(context.get(AccessScope.CONTEXT_KEY), now);
  }
}
