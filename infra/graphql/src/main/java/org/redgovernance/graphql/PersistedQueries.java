package org.redgovernance.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Persisted queries, as Apollo's clients speak them ({@code extensions.persistedQuery: {version: 1,
 * sha256Hash}}): a request with the hash alone runs the document registered under it, or answers
 * {@code PERSISTED_QUERY_NOT_FOUND} so that the client sends hash and text together, which runs and
 * registers the text once its SHA-256 is checked ({@code PERSISTED_QUERY_HASH_MISMATCH} otherwise).
 * Registered documents are kept per instance, bounded ({@code
 * rg.graphql.persisted-queries.cache-size}).
 *
 * <p>In allow-list mode ({@code rg.graphql.persisted-queries.registered-only}, for production) only
 * the documents registered at build time run — the {@code .graphql} files under {@code
 * classpath:persisted-queries/}, by the SHA-256 of their text — whether sent by hash or by text;
 * anything else is {@code PERSISTED_QUERY_NOT_ALLOWED}, and nothing registers at run time.
 *
 * <p>Where queries may also come over HTTP GET (platform-api's {@code GetQueries}, which marks such
 * a request with {@link #OVER_GET}), a GET never runs a mutation or a subscription ({@code
 * METHOD_NOT_ALLOWED}).
 *
 * <p>Both services run it first among their interceptors, with their own settings; the console's
 * and the reference app's documents are registered in production this way.
 */
public class PersistedQueries implements WebGraphQlInterceptor {

  /** Marks a request that came as HTTP GET. */
  public static final String OVER_GET = PersistedQueries.class.getName() + ".get";

  /** Where the registered documents are looked for unless a service says otherwise. */
  public static final String DEFAULT_LOCATION = "classpath*:persisted-queries/**/*.graphql";

  private final Cache<String, String> documents;
  private final boolean registeredOnly;
  private final Set<String> operationNames = new TreeSet<>();

  /**
   * At most {@code cacheSize} documents kept; {@code registeredOnly} for the allow-list mode; the
   * registered documents are the files {@code location} matches.
   */
  public PersistedQueries(int cacheSize, boolean registeredOnly, String location) {
    this.documents = Caffeine.newBuilder().maximumSize(cacheSize).build();
    this.registeredOnly = registeredOnly;
    try {
      for (Resource file : new PathMatchingResourcePatternResolver().getResources(location)) {
        String text = file.getContentAsString(StandardCharsets.UTF_8);
        documents.put(sha256(text), text);
        for (OperationDefinition operation :
            Parser.parse(text).getDefinitionsOfType(OperationDefinition.class)) {
          if (operation.getName() != null) {
            operationNames.add(operation.getName());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The registered documents could not be read", e);
    }
  }

  /**
   * The names of the operations in the documents registered at build time: the front ends' own,
   * which the metrics label by name before any name a client makes up.
   */
  public Set<String> registeredOperationNames() {
    return Collections.unmodifiableSet(operationNames);
  }

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    String text = request.getDocument();
    String hash = hash(request.getExtensions());
    if (hash != null) {
      String registered = documents.getIfPresent(hash);
      // Spring hands a request without a query on as graphql-java's persisted-query marker
      if (text == null
          || text.isBlank()
          || PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(text)) {
        if (registered == null) {
          return refused(
              request,
              registeredOnly ? "PERSISTED_QUERY_NOT_ALLOWED" : "PERSISTED_QUERY_NOT_FOUND",
              registeredOnly ? "PersistedQueryNotAllowed" : "PersistedQueryNotFound");
        }
        text = registered;
      } else if (!hash.equals(sha256(text))) {
        return refused(
            request,
            "PERSISTED_QUERY_HASH_MISMATCH",
            "The sha256Hash is not the SHA-256 of the query text");
      } else if (registered == null) {
        if (registeredOnly) {
          return refused(
              request, "PERSISTED_QUERY_NOT_ALLOWED", "Only registered documents run here");
        }
        documents.put(hash, text);
      }
    } else if (registeredOnly && (text == null || documents.getIfPresent(sha256(text)) == null)) {
      return refused(request, "PERSISTED_QUERY_NOT_ALLOWED", "Only registered documents run here");
    }
    if (Boolean.TRUE.equals(request.getAttributes().get(OVER_GET)) && !onlyQueries(text, request)) {
      return refused(
          request, "METHOD_NOT_ALLOWED", "GET runs queries only; send mutations with POST");
    }
    String document = text;
    if (!document.equals(request.getDocument())) {
      request.configureExecutionInput((input, builder) -> builder.query(document).build());
    }
    return chain.next(request);
  }

  /**
   * Whether the operation the request runs is a query (unparsable text is left to graphql-java).
   */
  private static boolean onlyQueries(String text, WebGraphQlRequest request) {
    Document document;
    try {
      document = Parser.parse(text);
    } catch (RuntimeException unparsable) {
      return true;
    }
    String name = request.getOperationName();
    return document.getDefinitionsOfType(OperationDefinition.class).stream()
        .filter(operation -> name == null || name.equals(operation.getName()))
        .allMatch(operation -> operation.getOperation() == OperationDefinition.Operation.QUERY);
  }

  private static @Nullable String hash(Map<String, Object> extensions) {
    if (extensions.get("persistedQuery") instanceof Map<?, ?> persisted
        && persisted.get("sha256Hash") instanceof String hash) {
      return hash.toLowerCase(java.util.Locale.ROOT);
    }
    return null;
  }

  /** The hash a document is registered and sent under: SHA-256 of its UTF-8 text, in hex. */
  public static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Mono<WebGraphQlResponse> refused(
      WebGraphQlRequest request, String code, String message) {
    return Mono.just(RefusedRequest.answer(request, code, message));
  }
}
