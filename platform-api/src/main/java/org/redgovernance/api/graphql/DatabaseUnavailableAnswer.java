package org.redgovernance.api.graphql;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The endpoints beside {@code /graphql} (uploads, downloads, imports, exports) answer a request the
 * database's absence failed as {@code /graphql} does: 503 with {@code UNAVAILABLE}, when to try
 * again in the body and in {@code Retry-After}. Any other failure is left to the usual handlers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableAnswer implements HandlerExceptionResolver {

  private static final String BODY =
      "{\"code\":\"UNAVAILABLE\",\"message\":\"The database cannot be reached right now; nothing"
          + " was kept, try again in "
          + DatabaseUnavailable.RETRY_AFTER_SECONDS
          + " s\",\"retryAfterSeconds\":"
          + DatabaseUnavailable.RETRY_AFTER_SECONDS
          + "}";

  @Override
  public @Nullable ModelAndView resolveException(
      HttpServletRequest request,
      HttpServletResponse response,
      @Nullable Object handler,
      Exception failure) {
    if (!DatabaseUnavailable.explains(failure) || response.isCommitted()) {
      return null;
    }
    try {
      response.reset();
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      response.setHeader(
          HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getWriter().write(BODY);
    } catch (IOException e) {
      return null;
    }
    return new ModelAndView();
  }
}
