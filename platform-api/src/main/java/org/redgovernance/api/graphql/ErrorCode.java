package org.redgovernance.api.graphql;

import graphql.ErrorClassification;

/** The {@code extensions.code} of every error the API returns. */
public enum ErrorCode implements ErrorClassification {
  /** Malformed arguments, e.g. a page size above the maximum or an unreadable cursor. */
  BAD_USER_INPUT,
  /** The object does not exist or is not visible to the caller: the two are never told apart. */
  NOT_FOUND,
  /**
   * A text value that no field accepts: a NUL character, an unpaired surrogate, a control character
   * other than tab and line breaks, or more characters than the longest field takes; {@code
   * extensions.field} says where it is. Nothing ran.
   */
  INVALID_INPUT,
  /**
   * The request's token has expired (or a WebSocket connection has none): log in again, or
   * reconnect with a fresh token. Also ends a subscription when its token expires.
   */
  UNAUTHENTICATED,
  /** The caller may see the object but lacks the role to do this. */
  FORBIDDEN,
  /** The document exceeds a limit on depth, complexity, aliases or tokens. */
  QUERY_TOO_COMPLEX,
  /**
   * The caller used up a budget (e.g. lookups by phone or ID-card number per minute); {@code
   * extensions.retryAfterSeconds} says when to try again. Nothing ran.
   */
  RATE_LIMITED,
  /**
   * The HTTP request body is larger than a GraphQL request needs (answered with status 413 before
   * anything is parsed).
   */
  REQUEST_TOO_LARGE,
  /** The answer would be larger than a response may be; ask for smaller pages or fewer fields. */
  RESPONSE_TOO_LARGE,
  /**
   * A subscription cannot go on without a gap: its {@code after} position is older than the changes
   * the server still keeps, or it fell too far behind. Read the current state again, then subscribe
   * anew.
   */
  RESYNC_REQUIRED,
  /**
   * The database cannot be reached right now (restarting, or the connection was lost); {@code
   * extensions.retryAfterSeconds} says when to try again. A write cut off by the outage was rolled
   * back whole, unless it was cut off while committing: read before writing again.
   */
  UNAVAILABLE,
  /** Anything unexpected; details go to the log, never to the client. */
  INTERNAL
}
