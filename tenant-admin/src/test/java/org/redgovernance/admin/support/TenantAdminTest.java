package org.redgovernance.admin.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.redgovernance.admin.TenantAdminApplication;
import org.redgovernance.database.DatabaseRoles;
import org.redgovernance.database.LocalPostgres;
import org.redgovernance.testing.GraphQlHttp;
import org.redgovernance.testing.TestStack;
import org.redgovernance.testing.TestStackInfo;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tenant-admin's integration tests: the service on a random port with its own database role
 * and its own Keycloak service account, against the build's shared PostgreSQL and Keycloak.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.config.name=" + TenantAdminApplication.CONFIG_NAME)
public abstract class TenantAdminTest {

  @LocalServerPort protected int port;

  protected GraphQlHttp graphql;

  @DynamicPropertySource
  static void stack(DynamicPropertyRegistry properties) {
    TestStackInfo stack = TestStack.get();
    properties.add("spring.datasource.url", stack::jdbcUrl);
    properties.add("spring.datasource.username", () -> DatabaseRoles.ADMIN);
    properties.add("spring.datasource.password", () -> LocalPostgres.ADMIN_PASSWORD);
    properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", stack::issuer);
    properties.add("rg.keycloak.client-secret", () -> "rg-tenant-admin-dev-secret");
  }

  @BeforeEach
  void client() {
    graphql = new GraphQlHttp(port);
  }

  /** The database as its owner, to check or prepare what the service cannot see. */
  protected static Connection owner() throws SQLException {
    return DriverManager.getConnection(
        TestStack.get().jdbcUrl(), DatabaseRoles.OWNER, LocalPostgres.OWNER_PASSWORD);
  }
}
