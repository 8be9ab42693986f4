package org.redgovernance.api.graphql;

/**
 * A mutation's refusal, thrown from inside its transaction so that everything it wrote so far rolls
 * back, and caught where the payload is made to become the payload's {@link UserError}.
 */
public final class Refusal extends RuntimeException {

  private final UserError error;

  public Refusal(UserError error) {
    super(error.message(), null, false, false);
    this.error = error;
  }

  public static Refusal because(UserError.Code code, String message, String... field) {
    return new Refusal(UserError.of(code, message, field));
  }

  public UserError error() {
    return error;
  }
}
