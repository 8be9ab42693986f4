package org.redgovernance.admin.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redgovernance.admin.support.TenantAdminTest;
import org.redgovernance.graphql.PersistedQueries;
import org.redgovernance.testing.GraphQlResult;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.TestPropertySource;

/**
 * tenant-admin in production's allow-list mode runs the street office console's documents — the
 * build registers them from the console's own folder — by their hash alone, and nothing else.
 */
@TestPropertySource(properties = "rg.graphql.persisted-queries.registered-only=true")
class ConsoleDocumentsIntegrationTests extends TenantAdminTest {

  @Test
  void everyConsoleDocument_runsByItsHash() throws Exception {
    List<Resource> documents = consoleDocuments();
    assertThat(documents).hasSizeGreaterThanOrEqualTo(15);
    for (Resource document : documents) {
      String hash = PersistedQueries.sha256(document.getContentAsString(StandardCharsets.UTF_8));

      GraphQlResult answer = graphql.postPersisted(hash, "baishalu.admin");

      // it ran: at most its variables are missing, never is the document refused
      assertThat(answer.errorCodes())
          .as(document.getFilename())
          .noneMatch(code -> code.startsWith("PERSISTED_QUERY"));
    }
  }

  @Test
  void aDocumentTheConsoleDoesNotSend_isRefused_byTextOrByHash() {
    String other = "{ streets { key name } }";
    assertThat(graphql.query(other).as("baishalu.admin").execute().errorCodes())
        .containsExactly("PERSISTED_QUERY_NOT_ALLOWED");
    assertThat(graphql.postPersisted(PersistedQueries.sha256(other), "baishalu.admin").errorCodes())
        .containsExactly("PERSISTED_QUERY_NOT_ALLOWED");
  }

  private static List<Resource> consoleDocuments() throws Exception {
    return List.of(
        new PathMatchingResourcePatternResolver()
            .getResources("classpath:console/documents/admin/*.graphql"));
  }
}
