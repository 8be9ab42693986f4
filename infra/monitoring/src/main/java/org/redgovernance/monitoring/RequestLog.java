package org.redgovernance.monitoring;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import reactor.core.publisher.Mono;

/**
 * One log line per GraphQL request that failed or took {@code rg.logs.slow-request} (1 s) or more —
 * every request with {@code rg.logs.every-request}, or at DEBUG (logger {@code
 * org.redgovernance.requests}): its request id (the client's {@code X-Request-Id}, or one made
 * here, sent back in the same header), the operation's name, who asked as a pseudonym (a keyed hash
 * of their account, the same across requests and, with {@code rg.logs.pseudonym-key} set alike,
 * across instances — never the account itself), the community the request names, the outcome (OK,
 * or its error codes) and the duration. The fields are in the MDC too, so the JSON log ({@code
 * logging.structured.format.console}) has each as its own key. Nothing a client sends ends up in
 * the log unchecked: names, keys and ids that do not look like one are logged as "?".
 */
class RequestLog implements WebGraphQlInterceptor {

  static final String HEADER = "X-Request-Id";

  private static final Logger log = LoggerFactory.getLogger("org.redgovernance.requests");
  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern COMMUNITY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  private final SecretKeySpec pseudonymKey;
  private final boolean everyRequest;
  private final long slowMillis;

  RequestLog(String pseudonymKey, boolean everyRequest, Duration slow) {
    this.everyRequest = everyRequest;
    this.slowMillis = slow.toMillis();
    byte[] key = pseudonymKey.getBytes(StandardCharsets.UTF_8);
    if (key.length == 0) {
      // without a configured key, pseudonyms hold within this process's life only
      key = new byte[32];
      new SecureRandom().nextBytes(key);
    }
    this.pseudonymKey = new SecretKeySpec(key, "HmacSHA256");
  }

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    long started = System.nanoTime();
    String given = request.getHeaders().getFirst(HEADER);
    String id = given != null && REQUEST_ID.matcher(given).matches() ? given : newId();
    String account = request instanceof WebSocketGraphQlRequest ? null : currentAccount();
    return chain
        .next(request)
        .doOnNext(
            response -> {
              response.getResponseHeaders().set(HEADER, id);
              write(request, id, account, outcome(response), started);
            })
        .doOnError(failure -> write(request, id, account, "FAILED", started));
  }

  /** The pseudonym of an account: 16 hex digits of its keyed hash; "-" for nobody. */
  String pseudonym(@Nullable String account) {
    if (account == null) {
      return "-";
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(pseudonymKey);
      byte[] hash = mac.doFinal(account.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The request's line: at INFO when it failed, was slow or every request is to be logged; at DEBUG
   * otherwise, and then only worked out when DEBUG is on — a line per request cost a third of a
   * small read's CPU under the benchmark's load.
   */
  private void write(
      WebGraphQlRequest request,
      String id,
      @Nullable String account,
      String outcome,
      long started) {
    long millis = (System.nanoTime() - started) / 1_000_000;
    boolean notable =
        everyRequest
            || millis >= slowMillis
            || !(outcome.equals("OK") || outcome.equals("SUBSCRIBED"));
    if (!notable && !log.isDebugEnabled()) {
      return;
    }
    String operation = OperationName.of(request);
    String community = checked(request.getHeaders().getFirst("X-Community"), COMMUNITY);
    String user = pseudonym(account);
    MDC.put("request.id", id);
    MDC.put("graphql.operation", operation);
    MDC.put("user.pseudonym", user);
    MDC.put("community", community);
    MDC.put("outcome", outcome);
    MDC.put("duration.ms", Long.toString(millis));
    try {
      String line = "graphql {} {} by {} in {}: {} in {} ms";
      if (notable) {
        log.info(line, id, operation, user, community, outcome, millis);
      } else {
        log.debug(line, id, operation, user, community, outcome, millis);
      }
    } finally {
      MDC.remove("request.id");
      MDC.remove("graphql.operation");
      MDC.remove("user.pseudonym");
      MDC.remove("community");
      MDC.remove("outcome");
      MDC.remove("duration.ms");
    }
  }

  /** A request id made here: 16 hex digits, enough to tell a day's requests apart. */
  private static String newId() {
    return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
  }

  /** OK, SUBSCRIBED, or the distinct codes of the answer's errors. */
  private static String outcome(WebGraphQlResponse response) {
    if (response.getErrors().isEmpty()) {
      return response.getData() instanceof Publisher<?> ? "SUBSCRIBED" : "OK";
    }
    TreeSet<String> codes = new TreeSet<>();
    for (ResponseError error : response.getErrors()) {
      codes.add(OperationMetrics.code(error));
    }
    return String.join(",", codes);
  }

  private static String checked(@Nullable String value, Pattern shape) {
    if (value == null || value.isBlank()) {
      return "-";
    }
    return shape.matcher(value).matches() ? value : "?";
  }

  private static @Nullable String currentAccount() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null ? null : authentication.getName();
  }
}
