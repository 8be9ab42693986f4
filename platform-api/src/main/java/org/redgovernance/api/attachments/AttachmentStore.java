package org.redgovernance.api.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * Where the bytes of attached files live (a matter's photos, a rollout stage's evidence). The
 * database keeps what describes a file; this keeps the file under a key. Dev and tests use {@link
 * LocalFolderAttachmentStore}; production plugs in an object store with the same three operations.
 */
public interface AttachmentStore {

  void put(String key, byte[] content) throws IOException;

  InputStream open(String key) throws IOException;

  /** The file under {@code key}, or {@link StoreUnavailable} when the store cannot give it. */
  default InputStream read(String key) {
    try {
      return open(key);
    } catch (IOException e) {
      throw new StoreUnavailable(key, e);
    }
  }

  /** Removes the file if it is there; used when the transaction recording it fails. */
  void delete(String key) throws IOException;

  /**
   * Stores {@code content} under {@code key}, then runs {@code recording} (the transaction writing
   * the row that describes the file) and answers what it does; when it fails, the file is removed
   * again, so that a failure leaves neither a row without a file nor (beyond a crash) a file
   * without a row. A store that cannot take the file ({@link StoreUnavailable}) leaves nothing
   * behind: the recording does not run.
   */
  default <T> T storedWhile(String key, byte[] content, Supplier<T> recording) {
    try {
      put(key, content);
    } catch (IOException e) {
      throw new StoreUnavailable(key, e);
    }
    try {
      return recording.get();
    } catch (RuntimeException e) {
      try {
        delete(key);
      } catch (IOException ignored) {
        // the file stays behind without a row; it is unreachable and harmless
      }
      throw e;
    }
  }
}
