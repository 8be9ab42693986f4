package org.redgovernance.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Flux;

/**
 * A subscription whose stream fails because the database went away after it began — the caller's
 * access is read again before each event — ends with UNAVAILABLE and when to try again; any other
 * failure is left as it is.
 */
class DatabaseOutageInterceptorTests {

  @Test
  void aStreamCutOffByTheDatabase_endsUnavailable() {
    Flux<Object> events =
        Flux.concat(
            Flux.just("first"),
            Flux.error(
                new DataAccessResourceFailureException(
                    "reading the caller's communities",
                    new SQLTransientConnectionException("connection lost", "08006"))));

    List<Object> received = new ArrayList<>();
    Throwable ended =
        endOf(
            eventsOf(DatabaseOutageInterceptor.subscriptionEndsUnavailable(of(events))), received);

    assertThat(received).containsExactly("first");
    assertThat(ended).isInstanceOf(SubscriptionPublisherException.class);
    var error = ((SubscriptionPublisherException) ended).getErrors().get(0);
    assertThat(error.getErrorType()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(error.getExtensions())
        .containsEntry("code", "UNAVAILABLE")
        .containsEntry("retryAfterSeconds", DatabaseUnavailable.RETRY_AFTER_SECONDS);
  }

  @Test
  void anotherFailure_isLeftAsItIs() {
    IllegalStateException bug = new IllegalStateException("a bug");
    Flux<Object> events = Flux.error(bug);

    assertThat(
            endOf(
                eventsOf(DatabaseOutageInterceptor.subscriptionEndsUnavailable(of(events))),
                new ArrayList<>()))
        .isSameAs(bug);
  }

  private static WebGraphQlResponse of(Flux<Object> events) {
    return new WebGraphQlResponse(
        new DefaultExecutionGraphQlResponse(
            ExecutionInput.newExecutionInput("subscription { matterEvents { kind } }").build(),
            ExecutionResult.newExecutionResult().data(events).build()));
  }

  /** Collects the stream's events into {@code received}; how it failed. */
  private static Throwable endOf(Flux<Object> events, List<Object> received) {
    try {
      events.doOnNext(received::add).blockLast(Duration.ofSeconds(5));
    } catch (RuntimeException failure) {
      return failure;
    }
    throw new AssertionError("the stream did not fail");
  }

  @SuppressWarnings("unchecked")
  private static Flux<Object> eventsOf(WebGraphQlResponse response) {
    return Flux.from((org.reactivestreams.Publisher<Object>) response.getData());
  }
}
