package org.redgovernance.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.matters.MatterDesk;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.api.support.Rows;
import org.redgovernance.api.support.TestSettings;
import org.redgovernance.api.support.Uploads;
import org.redgovernance.testing.HttpJson;
import org.redgovernance.testing.Tokens;

/**
 * The attachment store fails under an upload — its folder cannot be written, its disk is full — or
 * loses a file: the caller is told UNAVAILABLE with when to try again, nothing is kept (no row, no
 * timeline entry, no partial file), and uploads work again once the store is repaired.
 */
class AttachmentStoreFailureIntegrationTests extends IntegrationTest {

  private static final byte[] PHOTO = png(64);

  /** Larger than the full disk below: its write runs out of space halfway. */
  private static final byte[] BIG_PHOTO = png(256 * 1024);

  private MatterDesk desk;

  @BeforeEach
  void desk() {
    desk = new MatterDesk(graphql);
  }

  @Test
  void aFolderThatCannotBeWritten_answersUnavailable_keepsNothing_andTakesTheFileOnceRepaired()
      throws Exception {
    String matter = desk.reportedByTheResident("存不下的照片");
    Path folder = folderOf(matter);
    Files.createDirectories(folder.getParent());
    // a file where the matter's folder goes: the store can create neither it nor anything in it
    Files.writeString(folder, "not a folder");
    try {
      assertUnavailable(attach(matter, PHOTO));
      assertNothingKept(matter);
    } finally {
      Files.delete(folder);
    }

    assertThat(attach(matter, PHOTO).status()).isEqualTo(201);
    assertThat(attachmentRows(matter)).isEqualTo(1);
  }

  @Test
  void aFullDisk_answersUnavailable_andLeavesNoPartialFileBehind() throws Exception {
    String matter = desk.reportedByTheResident("磁盘满时的照片");
    Path folder = folderOf(matter);
    Files.createDirectories(folder);
    // a disk of 64 KiB, mounted where the matter's files go
    assumeTrue(
        run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", folder.toString()),
        "mounting a small file system needs root; this machine's builds run as root");
    try {
      assertUnavailable(attach(matter, BIG_PHOTO));
      assertNothingKept(matter);
      try (Stream<Path> left = Files.list(folder)) {
        assertThat(left.toList()).as("what the failed write left in the folder").isEmpty();
      }
    } finally {
      assertThat(run("umount", folder.toString())).isTrue();
    }

    assertThat(attach(matter, BIG_PHOTO).status()).isEqualTo(201);
  }

  @Test
  void aFileTheStoreLost_isAnsweredUnavailable_notAsAnInternalError() throws Exception {
    String matter = desk.reportedByTheResident("丢失的照片");
    HttpJson.Response uploaded = attach(matter, PHOTO);
    assertThat(uploaded.status()).isEqualTo(201);
    try (Stream<Path> files = Files.list(folderOf(matter))) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }

    HttpResponse<String> download =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:" + port + uploaded.body().path("url").asString()))
                    .header("Authorization", "Bearer " + Tokens.of("baiguoshu.admin"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(download.statusCode()).isEqualTo(503);
    assertThat(download.body()).contains("\"code\":\"UNAVAILABLE\"");
    assertThat(download.headers().firstValue("Retry-After")).hasValue("60");
  }

  private HttpJson.Response attach(String matter, byte[] content) {
    return Uploads.post(
        port,
        "/matter-attachments",
        "baiguoshu.resident",
        Map.of("matter", matter),
        "照片.png",
        content);
  }

  private static void assertUnavailable(HttpJson.Response answer) {
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(503);
    assertThat(answer.body().path("code").asString()).isEqualTo("UNAVAILABLE");
    assertThat(answer.body().path("retryAfterSeconds").asInt()).isEqualTo(60);
    assertThat(answer.header("Retry-After")).isEqualTo("60");
  }

  /** No attachment row, no timeline entry or audit record of one, and the matter lists no file. */
  private void assertNothingKept(String matter) {
    assertThat(attachmentRows(matter)).as("attachment rows").isZero();
    GlobalId id = GlobalId.decode(matter).orElseThrow();
    assertThat(
            Rows.count(
                "SELECT count(*) FROM rg.audit_event WHERE community_id = ? AND action ="
                    + " 'matter.attached' AND details->>'matter' = ?",
                id.communityId(),
                id.id().toString()))
        .as("audit records of the attachment")
        .isZero();
    assertThat(desk.matter("baiguoshu.admin", matter).path("attachments").size()).isZero();
  }

  private static long attachmentRows(String matter) {
    GlobalId id = GlobalId.decode(matter).orElseThrow();
    return Rows.count(
        "SELECT count(*) FROM rg.matter_attachment WHERE community_id = ? AND matter_id = ?",
        id.communityId(),
        id.id());
  }

  /** The folder the store keeps a matter's files in: community, then matter. */
  private static Path folderOf(String matter) {
    GlobalId id = GlobalId.decode(matter).orElseThrow();
    return Path.of(TestSettings.ATTACHMENTS)
        .toAbsolutePath()
        .resolve(id.communityId().toString())
        .resolve(id.id().toString());
  }

  private static boolean run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(List.of(command)).inheritIO().start();
    return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
  }

  private static byte[] png(int size) {
    byte[] bytes =
        Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, size);
    Arrays.fill(bytes, 8, size, (byte) 7);
    return bytes;
  }
}
