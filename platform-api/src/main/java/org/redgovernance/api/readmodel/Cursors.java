package org.redgovernance.api.readmodel;

import java.util.UUID;
import org.redgovernance.api.graphql.ApiException;

/** The keys inside cursors, read back; a key this API did not write is the client's error. */
public final class Cursors {

  private Cursors() {}

  public static UUID uuid(String key) {
    try {
      return UUID.fromString(key);
    } catch (IllegalArgumentException e) {
      throw ApiException.badInput("after is not a cursor of this connection");
    }
  }
}
