package org.redgovernance.api.attachments;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the bytes of attached files live (a matter's photos, a rollout stage's evidence). The
 * database keeps what describes a file; this keeps the file under a key. Dev and tests use {@link
 * LocalFolderAttachmentStore}; production plugs in an object store with the same three operations.
 */
public interface AttachmentStore {

  void put(String key, byte[] content) throws IOException;

  InputStream open(String key) throws IOException;

  /** Removes the file if it is there; used when the transaction recording it fails. */
  void delete(String key) throws IOException;
}
