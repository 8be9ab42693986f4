package org.redgovernance.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.matters.MatterDesk;
import org.redgovernance.api.support.OwnDatabase;
import org.redgovernance.api.support.SeparateInstance;
import org.redgovernance.database.LocalPostgres;
import org.redgovernance.testing.GraphQlHttp;

/**
 * The backup and point-in-time recovery procedure of {@code infra/deploy/README.md}, drilled: a
 * base backup taken while the service writes, WAL archived continuously, a named restore point set
 * before an unwanted change, and a fresh PostgreSQL recovered from the backup and the archive up to
 * that point. platform-api on the recovered database answers exactly as it did at the restore
 * point: the reports made after the base backup are there (replayed from the archive), the one made
 * after the restore point is not.
 */
class BackupRestoreDrillIntegrationTests {

  /** What is compared before and after: the board, the roster's first page, a resident's view. */
  private static final Map<String, String[]> READS =
      Map.of(
          "board",
          new String[] {
            "baiguoshu.admin",
            "{ community(key: \"baiguoshu\") { matters(first: 50) { totalCount edges { node { id"
                + " title status reportedAt timeline { from to at note } } } } } }"
          },
          "households",
          new String[] {
            "baiguoshu.admin",
            "{ community(key: \"baiguoshu\") { households(first: 20) { totalCount edges { node {"
                + " id } } } } }"
          },
          "resident",
          new String[] {
            "baiguoshu.resident",
            "{ community(key: \"baiguoshu\") { matters(first: 50) { totalCount edges { node { id"
                + " title } } } } }"
          });

  private static final List<AutoCloseable> running = new ArrayList<>();

  @AfterAll
  static void stop() {
    List<AutoCloseable> lastFirst = new ArrayList<>(running);
    java.util.Collections.reverse(lastFirst);
    for (AutoCloseable closeable : lastFirst) {
      try {
        closeable.close();
      } catch (Exception ignored) {
        // the next one is stopped all the same
      }
    }
  }

  @Test
  void aDatabaseRecoveredToARestorePoint_answersAsTheServiceDidThen() throws Exception {
    Path drill = Files.createTempDirectory("rg-drill-");
    Path archive = Files.createDirectories(drill.resolve("wal-archive"));
    OwnDatabase primary =
        OwnDatabase.withDemoData(Map.of("wal_level", "replica", "archive_mode", "on"));
    running.add(primary);
    try (Connection superuser = primary.connectAsSuperuser()) {
      // in the server's own configuration: the command line does not carry spaces
      execute(
          superuser,
          "ALTER SYSTEM SET archive_command = 'test ! -f "
              + archive
              + "/%f && cp %p "
              + archive
              + "/%f'");
      execute(superuser, "SELECT pg_reload_conf()");
    }
    SeparateInstance service = primary.instance(Map.of());
    running.add(service);
    MatterDesk desk = new MatterDesk(new GraphQlHttp(service.port()));

    Path base = drill.resolve("base-backup");
    try (Connection superuser = primary.connectAsSuperuser()) {
      baseBackup(superuser, primary.dataDirectory(), base, desk);
      // after the base backup: only the archive brings these back
      for (int i = 0; i < 3; i++) {
        desk.at("ACCEPTED", "备份之后的报告 " + i);
      }
      Map<String, String> atTheRestorePoint = answers(service);
      execute(superuser, "SELECT pg_create_restore_point('before-the-mistake')");
      // the mistake the restore undoes
      desk.reportedByTheResident("恢复点之后的报告");
      assertThat(answers(service)).isNotEqualTo(atTheRestorePoint);
      awaitArchived(superuser, switchWal(superuser));

      LocalPostgres recovered = recover(base, archive, drill.resolve("recovered"));
      running.add(recovered);
      SeparateInstance onTheCopy =
          SeparateInstance.start(recovered.jdbcUrl(), primary.personalDataKey());
      running.add(onTheCopy);
      assertThat(answers(onTheCopy)).isEqualTo(atTheRestorePoint);
    }
  }

  /**
   * A base backup while the service writes (PostgreSQL's low-level API): the files copied between
   * pg_backup_start and pg_backup_stop, with the label pg_backup_stop gives.
   */
  private static void baseBackup(Connection superuser, Path data, Path copy, MatterDesk desk)
      throws Exception {
    execute(superuser, "SELECT pg_backup_start('drill', true)");
    desk.reportedByTheResident("备份进行中的报告");
    try (Stream<Path> files = Files.walk(data)) {
      for (Path file : files.toList()) {
        Path relative = data.relativize(file);
        String name = relative.toString();
        if (name.equals("postmaster.pid")
            || name.equals("postmaster.opts")
            || (name.startsWith("pg_wal/") && !name.equals("pg_wal/archive_status"))) {
          continue;
        }
        Path target = copy.resolve(relative);
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else if (Files.exists(file)) {
          // a file may vanish while being copied (PostgreSQL removes temporary ones): that is fine
          try {
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
          } catch (java.nio.file.NoSuchFileException gone) {
            // left out, as pg_basebackup would
          }
        }
      }
    }
    try (Statement stop = superuser.createStatement();
        ResultSet label = stop.executeQuery("SELECT labelfile FROM pg_backup_stop(true)")) {
      label.next();
      Files.writeString(copy.resolve("backup_label"), label.getString(1));
    }
  }

  /** A fresh server from the base backup, replaying the archive up to the restore point. */
  private static LocalPostgres recover(Path base, Path archive, Path data) throws IOException {
    try (Stream<Path> files = Files.walk(base)) {
      for (Path file : files.toList()) {
        Path target = data.resolve(base.relativize(file));
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    Files.createDirectories(data.resolve("pg_wal/archive_status"));
    // PostgreSQL starts only on a data directory nobody else may read
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
    Files.createFile(data.resolve("recovery.signal"));
    Files.writeString(
        data.resolve("postgresql.auto.conf"),
        "restore_command = 'cp "
            + archive
            + "/%f %p'\n"
            + "recovery_target_name = 'before-the-mistake'\n"
            + "recovery_target_action = 'promote'\n",
        StandardOpenOption.APPEND);
    // no connections until the recovery is done and the server promoted; no archiving of its own
    return LocalPostgres.start(data, 0, Map.of("hot_standby", "off", "archive_mode", "off"));
  }

  /** Ends the current WAL segment, which the archiver then copies; its file's name. */
  private static String switchWal(Connection superuser) throws Exception {
    try (Statement statement = superuser.createStatement();
        ResultSet ended = statement.executeQuery("SELECT pg_walfile_name(pg_switch_wal())")) {
      ended.next();
      return ended.getString(1);
    }
  }

  /** Waits until the archive holds the WAL segment {@code file} (at most 30 s). */
  private static void awaitArchived(Connection superuser, String file) throws Exception {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(giveUp)) {
      try (Statement statement = superuser.createStatement();
          ResultSet status =
              statement.executeQuery(
                  "SELECT coalesce(last_archived_wal, '') FROM pg_stat_archiver")) {
        status.next();
        if (status.getString(1).compareTo(file) >= 0) {
          return;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("WAL segment " + file + " was not archived within 30 s");
  }

  private static Map<String, String> answers(SeparateInstance service) {
    GraphQlHttp graphql = new GraphQlHttp(service.port());
    Map<String, String> answers = new LinkedHashMap<>();
    for (Map.Entry<String, String[]> read : READS.entrySet()) {
      answers.put(
          read.getKey(),
          graphql.query(read.getValue()[1]).as(read.getValue()[0]).execute().body().toString());
    }
    return answers;
  }

  private static void execute(Connection connection, String sql) throws Exception {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
