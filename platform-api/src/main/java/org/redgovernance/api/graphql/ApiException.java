package org.redgovernance.api.graphql;

import java.util.LinkedHashMap;
import java.util.Map;

/** An error a feature raises on purpose, carried to the client with its {@link ErrorCode}. */
public class ApiException extends RuntimeException {

  private final ErrorCode code;
  private final Map<String, Object> extensions;

  public ApiException(ErrorCode code, String message) {
    this(code, message, Map.of());
  }

  /** With more for the client to read beside the code, e.g. {@code retryAfterSeconds}. */
  public ApiException(ErrorCode code, String message, Map<String, Object> extensions) {
    super(message);
    this.code = code;
    this.extensions = Map.copyOf(extensions);
  }

  public ErrorCode code() {
    return code;
  }

  /** The error's {@code extensions}: its code and whatever else it carries. */
  public Map<String, Object> extensions() {
    Map<String, Object> all = new LinkedHashMap<>(extensions);
    all.put("code", code.name());
    return all;
  }

  public static ApiException badInput(String message) {
    return new ApiException(ErrorCode.BAD_USER_INPUT, message);
  }
}
