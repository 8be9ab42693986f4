package org.redgovernance.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.matters.MatterDesk;
import org.redgovernance.api.support.PgBouncer;
import org.redgovernance.api.support.SeparateInstance;
import org.redgovernance.database.DatabaseRoles;
import org.redgovernance.database.LocalPostgres;
import org.redgovernance.database.TenantContext;
import org.redgovernance.testing.GraphQlHttp;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.GraphQlWebSocket;
import org.redgovernance.testing.TestStack;

/**
 * platform-api behind PgBouncer in transaction mode, with two server connections for all its
 * requests: the admins of three communities read at once, their transactions taking turns on the
 * same server connections, and each still sees exactly its own community — the tenant context is
 * set in each transaction and ends with it ({@code set_config(…, true)}), which a client of the
 * same pool checks between their transactions. Changes still reach subscribers, since the listener
 * connects to PostgreSQL directly ({@code rg.events.listen-url}): LISTEN belongs to a session,
 * which transaction pooling does not keep.
 */
class PgBouncerIntegrationTests {

  private static final Map<String, String> ADMINS =
      Map.of(
          "baiguoshu.admin", "baiguoshu", "xinhua.admin", "xinhua", "qingyuan.admin", "qingyuan");

  private static final String READ =
      "query($key: String!) { community(key: $key) { key name"
          + " households(first: 5) { totalCount edges { node { id } } } } }";

  private static PgBouncer bouncer;
  private static SeparateInstance service;

  @BeforeAll
  static void start() {
    int postgres = URI.create(TestStack.get().jdbcUrl().substring("jdbc:".length())).getPort();
    bouncer = PgBouncer.inFrontOf(postgres, 2);
    service =
        SeparateInstance.onSharedDatabase(
            Map.of(
                "spring.datasource.url", bouncer.jdbcUrl(),
                "rg.events.listen-url", TestStack.get().jdbcUrl()));
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
    if (bouncer != null) {
      bouncer.close();
    }
  }

  @Test
  void interleavedTenantsOnTwoServerConnections_eachSeeOnlyTheirOwnCommunity() throws Exception {
    GraphQlHttp graphql = new GraphQlHttp(service.port());
    Map<String, String> alone = new java.util.HashMap<>();
    for (Map.Entry<String, String> admin : ADMINS.entrySet()) {
      GraphQlResult answer = read(graphql, admin.getKey(), admin.getValue());
      assertThat(answer.errorCodes()).as(answer.toString()).isEmpty();
      assertThat(answer.data("community.key").asString()).isEqualTo(admin.getValue());
      assertThat(answer.data("community.households.totalCount").asInt()).isPositive();
      alone.put(admin.getKey(), answer.data("community").toString());
    }

    List<String> mismatches = new CopyOnWriteArrayList<>();
    List<String> leaked = new CopyOnWriteArrayList<>();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger probes = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(7);
    List<Future<?>> readers = new ArrayList<>();
    List<String> admins = List.copyOf(ADMINS.keySet());
    for (int reader = 0; reader < 6; reader++) {
      int offset = reader;
      readers.add(
          clients.submit(
              () -> {
                for (int i = 0; i < 30; i++) {
                  String admin = admins.get((offset + i) % admins.size());
                  GraphQlResult answer = read(graphql, admin, ADMINS.get(admin));
                  String seen = answer.body().path("data").path("community").toString();
                  if (!seen.equals(alone.get(admin))) {
                    mismatches.add(admin + " saw " + answer);
                  }
                }
                return null;
              }));
    }
    // a client of the same pool: between the service's transactions, the server connections it
    // gets carry no community and no user
    Future<?> probe =
        clients.submit(
            () -> {
              try (Connection pooled =
                      DriverManager.getConnection(
                          bouncer.jdbcUrl(), DatabaseRoles.API, LocalPostgres.API_PASSWORD);
                  Statement statement = pooled.createStatement()) {
                while (running.get()) {
                  try (ResultSet context =
                      statement.executeQuery(
                          "SELECT current_setting('"
                              + TenantContext.COMMUNITY_IDS
                              + "', true), current_setting('"
                              + TenantContext.USER_ID
                              + "', true)")) {
                    context.next();
                    for (int column = 1; column <= 2; column++) {
                      String value = context.getString(column);
                      if (value != null && !value.isEmpty()) {
                        leaked.add(value);
                      }
                    }
                  }
                  probes.incrementAndGet();
                }
              }
              return null;
            });
    try {
      for (Future<?> reader : readers) {
        reader.get(120, TimeUnit.SECONDS);
      }
    } finally {
      running.set(false);
      probe.get(30, TimeUnit.SECONDS);
      clients.shutdownNow();
    }

    assertThat(mismatches).as("answers that differ from the one given alone").isEmpty();
    assertThat(probes.get()).as("probes between the service's transactions").isGreaterThan(10);
    assertThat(leaked).as("tenant context left on a pooled server connection").isEmpty();
  }

  @Test
  void aBoardHearsOfAMatterWrittenThroughThePool() {
    MatterDesk desk = new MatterDesk(new GraphQlHttp(service.port()));
    try (GraphQlWebSocket board =
        GraphQlWebSocket.connectAs(service.port(), "baiguoshu.supervisor", "baiguoshu")) {
      board.subscribe("1", "subscription { matterEvents { kind matterId } }");
      boolean heard = false;
      for (int attempt = 0; attempt < 3 && !heard; attempt++) {
        String matter = desk.reportedByTheResident("连接池后面的报告 " + UUID.randomUUID());
        heard = board.receivesEvent("matterEvents", "matterId", matter, Duration.ofSeconds(5));
      }
      assertThat(heard).as("the board heard of a matter reported through PgBouncer").isTrue();
    }
  }

  private static GraphQlResult read(GraphQlHttp graphql, String admin, String community) {
    return graphql.query(READ).as(admin).variable("key", community).execute();
  }
}
