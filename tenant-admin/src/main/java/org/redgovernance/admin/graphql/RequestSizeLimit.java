package org.redgovernance.admin.graphql;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A GraphQL request to tenant-admin states its size and is at most {@code
 * rg.graphql.max-request-bytes} (64 KiB; its forms are small): a larger one is answered 413, one
 * without a {@code Content-Length} 411, before authentication and before anything is parsed. Its
 * large uploads (community archives) have their own endpoint and limits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

  private final long maxBytes;

  RequestSizeLimit(@Value("${rg.graphql.max-request-bytes:65536}") long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"/graphql".equals(request.getRequestURI())
        || !"POST".equalsIgnoreCase(request.getMethod());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long length = request.getContentLengthLong();
    if (length >= 0 && length <= maxBytes) {
      chain.doFilter(request, response);
      return;
    }
    boolean unknown = length < 0;
    response.setStatus(
        unknown
            ? HttpServletResponse.SC_LENGTH_REQUIRED
            : HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
    response.setContentType("application/json");
    String message =
        unknown
            ? "A GraphQL request states its Content-Length"
            : "The request body is larger than " + maxBytes + " bytes";
    response
        .getOutputStream()
        .write(
            ("{\"errors\":[{\"message\":\""
                    + message
                    + "\",\"extensions\":{\"code\":\"REQUEST_TOO_LARGE\"}}]}")
                .getBytes(StandardCharsets.UTF_8));
  }
}
