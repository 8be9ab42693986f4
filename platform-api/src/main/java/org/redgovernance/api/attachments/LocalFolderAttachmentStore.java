package org.redgovernance.api.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Attachments as files in a folder ({@code rg.attachments.dir}), one per key. Keys are made by the
 * API from ids (community/matter/attachment, community/rollout/participant/evidence), never from
 * user input, so they cannot escape the folder. A file is written to a temporary name and moved
 * into place, so a reader never sees half.
 */
@Component
public class LocalFolderAttachmentStore implements AttachmentStore {

  private final Path root;

  LocalFolderAttachmentStore(
      @Value("${rg.attachments.dir:${java.io.tmpdir}/rg-attachments}") Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public void put(String key, byte[] content) throws IOException {
    Path target = resolve(key);
    Files.createDirectories(target.getParent());
    Path partial = Files.createTempFile(target.getParent(), ".upload-", ".part");
    try {
      Files.write(partial, content);
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  @Override
  public InputStream open(String key) throws IOException {
    return Files.newInputStream(resolve(key));
  }

  @Override
  public void delete(String key) throws IOException {
    Files.deleteIfExists(resolve(key));
  }

  private Path resolve(String key) {
    Path path = root.resolve(key).normalize();
    if (!path.startsWith(root)) {
      throw new IllegalArgumentException("Key outside the attachment folder: " + key);
    }
    return path;
  }
}
