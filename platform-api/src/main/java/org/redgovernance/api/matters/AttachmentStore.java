package org.redgovernance.api.matters;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the bytes of matter attachments live. The database keeps what describes a file; this keeps
 * the file under a key. Dev and tests use {@link LocalFolderAttachmentStore}; production plugs in
 * an object store with the same three operations.
 */
interface AttachmentStore {

  void put(String key, byte[] content) throws IOException;

  InputStream open(String key) throws IOException;

  /** Removes the file if it is there; used when the transaction recording it fails. */
  void delete(String key) throws IOException;
}
