package org.redgovernance.monitoring;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.graphql.server.WebGraphQlRequest;

/**
 * The name of the operation a request runs, for logs and metrics: the {@code operationName} the
 * client sent, else the name of the document's first operation ({@code query CommunityName { … }});
 * "anonymous" for an operation without one, "?" for anything that is not a GraphQL name.
 */
final class OperationName {

  private static final Pattern NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]{0,63}");
  private static final Pattern FIRST =
      Pattern.compile("(?:^|[\\s}])(?:query|mutation|subscription)\\s+([_A-Za-z][_0-9A-Za-z]*)");

  private OperationName() {}

  static String of(WebGraphQlRequest request) {
    String given = request.getOperationName();
    if (given != null && !given.isBlank()) {
      return NAME.matcher(given).matches() ? given : "?";
    }
    String document = request.getDocument();
    // the operation comes first in any document a client writes; a long one is not searched far
    Matcher first =
        FIRST.matcher(document.length() > 2000 ? document.substring(0, 2000) : document);
    if (!first.find()) {
      return "anonymous";
    }
    String name = first.group(1);
    return NAME.matcher(name).matches() ? name : "?";
  }
}
