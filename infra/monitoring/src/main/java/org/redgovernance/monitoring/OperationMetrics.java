package org.redgovernance.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import org.redgovernance.graphql.ErrorCodes;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * GraphQL operations as metrics: {@code rg.graphql.operations} (a timer with a histogram, by
 * operation name and outcome), {@code rg.graphql.errors} (a counter by error code) and {@code
 * rg.graphql.subscriptions.open} (a gauge). Operation names are the client's, so their number is
 * bounded: the operations of the documents registered at build time (the front ends') always keep
 * their own; of the others, the first {@code rg.monitoring.max-operation-names} (200) distinct
 * names do, later ones are counted as "other". Outcomes and codes are the API's own codes; nothing
 * names a community or a person.
 */
class OperationMetrics implements WebGraphQlInterceptor {

  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z_]{0,39}");

  private final MeterRegistry registry;
  private final int maxNames;

  /** The registered documents' operation names: always labelled by name, outside the bound. */
  private final Set<String> registered;

  private final Set<String> names = ConcurrentHashMap.newKeySet();

  /** The meters by their labels, found once: building one is a tenth of a small read's CPU. */
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  private final Map<String, Counter> errors = new ConcurrentHashMap<>();
  private final AtomicInteger openSubscriptions = new AtomicInteger();

  /** With the operation names of the documents registered at build time, and the bound. */
  OperationMetrics(MeterRegistry registry, Set<String> registered, int maxNames) {
    this.registry = registry;
    this.registered = Set.copyOf(registered);
    this.maxNames = maxNames;
    registry.gauge("rg.graphql.subscriptions.open", openSubscriptions);
  }

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    long started = System.nanoTime();
    String operation = bounded(OperationName.of(request));
    return chain
        .next(request)
        .map(
            response -> {
              String outcome = "OK";
              for (ResponseError error : response.getErrors()) {
                String code = code(error);
                errors
                    .computeIfAbsent(
                        code,
                        c ->
                            Counter.builder("rg.graphql.errors")
                                .description("Errors in answers, by code")
                                .tag("code", c)
                                .register(registry))
                    .increment();
                if (outcome.equals("OK")) {
                  outcome = code;
                }
              }
              timer(operation, outcome).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
              return response.getData() instanceof Publisher<?> events
                  ? response.transform(builder -> builder.data(counted(events)))
                  : response;
            });
  }

  private Timer timer(String operation, String outcome) {
    return timers.computeIfAbsent(
        operation + ' ' + outcome,
        key ->
            Timer.builder("rg.graphql.operations")
                .description("GraphQL operations until their answer (a subscription: its start)")
                .tag("operation", operation)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry));
  }

  /** The subscription's events, counted as open from their subscription to their end. */
  private Flux<?> counted(Publisher<?> events) {
    return Flux.from(events)
        .doOnSubscribe(subscription -> openSubscriptions.incrementAndGet())
        .doFinally(signal -> openSubscriptions.decrementAndGet());
  }

  /**
   * The operation's name if it is a registered document's or one of the first other names seen,
   * else "other": a client that makes up names cannot crowd the front ends' out of the labels.
   */
  String bounded(String name) {
    if (name.equals("anonymous") || name.equals("?")) {
      return name.equals("?") ? "other" : name;
    }
    if (registered.contains(name) || names.contains(name)) {
      return name;
    }
    if (names.size() < maxNames && names.add(name)) {
      return name;
    }
    return names.contains(name) ? name : "other";
  }

  /** The error's code as the client sees it ({@link ErrorCodes}), if it is fit to be a label. */
  static String code(ResponseError error) {
    String code = ErrorCodes.of(error);
    return CODE.matcher(code).matches() ? code : "OTHER";
  }
}
