package org.redgovernance.api.limits;

import graphql.GraphqlErrorBuilder;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;
import org.redgovernance.api.graphql.ErrorCode;
import org.redgovernance.api.readmodel.RenderedJson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * No answer is larger than {@code rg.graphql.max-response-bytes} (16 MiB). The cost limit bounds
 * how many objects an operation produces, not how long their texts are: a hundred notices of 20,000
 * characters each, under a few aliases, are cheap to ask for and tens of megabytes to send. The
 * answer is measured before it is written (texts as UTF-8 at most, answers PostgreSQL wrote by
 * their bytes, walking no further than the limit) and, when over, replaced by {@code
 * RESPONSE_TOO_LARGE}: ask for smaller pages or fewer fields.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AnswerSize implements WebGraphQlInterceptor {

  private final long maxBytes;

  AnswerSize(@Value("${rg.graphql.max-response-bytes:16777216}") long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    return chain
        .next(request)
        .map(
            response -> {
              Object data = response.getData();
              if (data == null || data instanceof Publisher<?> || size(data, 0) <= maxBytes) {
                return response;
              }
              return response.transform(
                  builder ->
                      builder
                          .data(null)
                          .errors(
                              List.of(
                                  GraphqlErrorBuilder.newError()
                                      .errorType(ErrorCode.RESPONSE_TOO_LARGE)
                                      .message(
                                          "The answer would be larger than "
                                              + maxBytes
                                              + " bytes; ask for smaller pages or fewer fields")
                                      .extensions(
                                          Map.of("code", ErrorCode.RESPONSE_TOO_LARGE.name()))
                                      .build())));
            });
  }

  /** The value's size in bytes at most, added to {@code sofar}; stops counting past the limit. */
  private long size(Object value, long sofar) {
    if (sofar > maxBytes) {
      return sofar;
    }
    if (value instanceof String text) {
      return sofar + 3L * text.length() + 2;
    }
    if (value instanceof RenderedJson rendered) {
      return sofar + rendered.byteLength();
    }
    if (value instanceof Map<?, ?> map) {
      long total = sofar + 2;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        total = size(entry.getValue(), total + String.valueOf(entry.getKey()).length() + 4);
        if (total > maxBytes) {
          return total;
        }
      }
      return total;
    }
    if (value instanceof List<?> list) {
      long total = sofar + 2;
      for (Object item : list) {
        total = size(item, total + 1);
        if (total > maxBytes) {
          return total;
        }
      }
      return total;
    }
    return sofar + 24;
  }
}
