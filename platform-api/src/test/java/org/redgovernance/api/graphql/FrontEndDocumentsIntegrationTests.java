package org.redgovernance.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.graphql.PersistedQueries;
import org.redgovernance.testing.GraphQlResult;
import org.springframework.test.context.TestPropertySource;

/**
 * platform-api in production's allow-list mode, with the documents its build registers: every
 * document of the street office console and of the reference app runs by its hash alone — the files
 * in their own folders, so a front end cannot change a document without the build registering the
 * change.
 */
@TestPropertySource(properties = "rg.graphql.persisted-queries.registered-only=true")
class FrontEndDocumentsIntegrationTests extends IntegrationTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void everyDocumentOfTheConsoleAndTheReferenceApp_runsByItsHash() throws Exception {
    List<Path> documents =
        Stream.concat(
                files(ROOT.resolve("tenant-admin/src/main/resources/console/documents/platform")),
                files(
                    ROOT.resolve("infra/reference-app/src/main/resources/reference-app/documents")))
            .toList();
    assertThat(documents).hasSizeGreaterThanOrEqualTo(12);
    for (Path document : documents) {
      String hash = PersistedQueries.sha256(Files.readString(document, StandardCharsets.UTF_8));
      if (document.toString().contains("NoticeEvents")) {
        continue; // a subscription: WebSocket only, registered all the same
      }

      GraphQlResult answer = graphql.postPersisted(hash, "baishalu.admin");

      assertThat(answer.errorCodes())
          .as(document.getFileName().toString())
          .noneMatch(code -> code.startsWith("PERSISTED_QUERY"));
    }
  }

  private static Stream<Path> files(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".graphql")).sorted().toList().stream();
    }
  }
}
