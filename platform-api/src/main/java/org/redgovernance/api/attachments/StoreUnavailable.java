package org.redgovernance.api.attachments;

import java.io.IOException;

/**
 * The attachment store could not take or give back a file: its folder is not writable, its disk is
 * full, the object store does not answer. Nothing about the request was wrong, and nothing of it
 * was kept (no row, no file), so it is answered "unavailable, try again later" ({@link
 * UnavailableStoreAnswer}) rather than as an internal error.
 */
public final class StoreUnavailable extends RuntimeException {

  /** When a client should try again, in seconds: a full disk is not cleared in a moment. */
  public static final int RETRY_AFTER_SECONDS = 60;

  public StoreUnavailable(String key, IOException cause) {
    super("The attachment store failed on " + key + ": " + cause, cause);
  }
}
