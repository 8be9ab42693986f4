package org.redgovernance.api.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.redgovernance.api.graphql.ErrorCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A GraphQL request body is at most {@code rg.graphql.max-request-bytes} (256 KiB): a document
 * within the token limit and its variables fit many times over, while a body of megabytes of
 * variables would be parsed into memory before any limit on the operation could look at it. A
 * larger body — by its {@code Content-Length}, or counted as it arrives when sent in chunks — is
 * answered 413 with a JSON error, before authentication and before anything is parsed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

  private final int maxBytes;

  RequestSizeLimit(@Value("${rg.graphql.max-request-bytes:262144}") int maxBytes) {
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
    if (request.getContentLengthLong() > maxBytes) {
      tooLarge(response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
    if (body.length > maxBytes) {
      tooLarge(response);
      return;
    }
    chain.doFilter(new ReadBody(request, body), response);
  }

  private void tooLarge(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
    response.setContentType("application/json");
    response
        .getOutputStream()
        .write(
            ("{\"errors\":[{\"message\":\"The request body is larger than "
                    + maxBytes
                    + " bytes\",\"extensions\":{\"code\":\""
                    + ErrorCode.REQUEST_TOO_LARGE.name()
                    + "\"}}]}")
                .getBytes(StandardCharsets.UTF_8));
  }

  /** The request with its body already read, served again from memory. */
  private static final class ReadBody extends HttpServletRequestWrapper {
    private final byte[] body;

    ReadBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("The body was read already");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(
          new InputStreamReader(
              new ByteArrayInputStream(body),
              getCharacterEncoding() == null
                  ? StandardCharsets.UTF_8
                  : Charset.forName(getCharacterEncoding())));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
