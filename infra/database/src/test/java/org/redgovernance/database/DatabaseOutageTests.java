package org.redgovernance.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures are the database out of reach, and which are a statement gone wrong. */
class DatabaseOutageTests {

  @Test
  void aServerShuttingDownRefusingOrDroppingTheConnection_isAnOutage() {
    assertThat(DatabaseOutage.explains(new SQLException("terminating connection", "57P01")))
        .isTrue();
    assertThat(
            DatabaseOutage.explains(
                new SQLException("the database system is starting up", "57P03")))
        .isTrue();
    assertThat(DatabaseOutage.explains(new SQLException("An I/O error occurred", "08006")))
        .isTrue();
    assertThat(DatabaseOutage.explains(new SQLException("too many clients", "53300"))).isTrue();
    // the pool giving up waiting for a connection
    assertThat(
            DatabaseOutage.explains(
                new SQLTransientConnectionException(
                    "Connection is not available, request timed out")))
        .isTrue();
    assertThat(DatabaseOutage.explains(new ConnectException("Connection refused"))).isTrue();
    // the pool's answer on a connection it closed as broken: the rollback after a commit that the
    // server's shutdown cut off fails so, and the commit's own failure is lost
    assertThat(DatabaseOutage.explains(new SQLException("Connection is closed"))).isTrue();
  }

  @Test
  void anOutageDeepInTheCauses_orSuppressedBesideAnotherFailure_isFound() {
    RuntimeException wrapped =
        new IllegalStateException(
            "reading", new RuntimeException(new SQLException("terminating", "57P01")));
    assertThat(DatabaseOutage.explains(wrapped)).isTrue();

    SQLException closed = new SQLException("Connection is closed");
    closed.addSuppressed(new SQLException("terminating", "57P01"));
    assertThat(DatabaseOutage.explains(closed)).isTrue();
  }

  @Test
  void aStatementThatFails_isNoOutage() {
    assertThat(DatabaseOutage.explains(new SQLException("syntax error", "42601"))).isFalse();
    assertThat(DatabaseOutage.explains(new SQLException("duplicate key", "23505"))).isFalse();
    assertThat(DatabaseOutage.explains(new SQLException("permission denied", "42501"))).isFalse();
    assertThat(DatabaseOutage.explains(new SQLException("no state"))).isFalse();
    assertThat(DatabaseOutage.explains(new IllegalStateException("boom"))).isFalse();
  }
}
