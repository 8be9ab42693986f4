/*
 * Build step, run by exec-maven-plugin at generate-sources as a single-file Java program.
 *
 * It applies the Liquibase changelog to a throwaway embedded PostgreSQL, exactly as production
 * does, and generates jOOQ code from the resulting catalog. jOOQ's LiquibaseDatabase (deprecated)
 * and H2 would both read a schema that is not the one PostgreSQL really has.
 *
 * Arguments: <resource root> <changelog path under it> <output directory> <this file>
 */
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HexFormat;
import java.util.stream.Stream;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

public class GenerateJooq {

  public static void main(String[] args) throws Exception {
    Path resources = Path.of(args[0]);
    String changelog = args[1];
    Path output = Path.of(args[2]);

    // Skip the ~5 s of starting PostgreSQL when the changelog has not changed since the last run.
    String fingerprint = fingerprint(resources.resolve(changelog).getParent(), Path.of(args[3]));
    Path stamp = output.resolve(".changelog-sha256");
    if (Files.exists(stamp) && Files.readString(stamp).equals(fingerprint)) {
      System.out.println("[jooq] changelog unchanged, generated code is up to date");
      return;
    }

    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      try (Connection su = pg.getPostgresDatabase().getConnection()) {
        for (String sql :
            new String[] {
              "CREATE ROLE rg_owner LOGIN PASSWORD 'codegen'",
              "CREATE ROLE rg_api LOGIN PASSWORD 'codegen'",
              "CREATE ROLE rg_admin LOGIN PASSWORD 'codegen'",
              "CREATE DATABASE red_governance OWNER rg_owner"
            }) {
          su.createStatement().execute(sql);
        }
      }
      String url = pg.getJdbcUrl("rg_owner", "red_governance");
      try (Connection owner = DriverManager.getConnection(url, "rg_owner", "codegen")) {
        Database database =
            DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(owner));
        Scope.child(
            Scope.Attr.resourceAccessor.name(),
            new DirectoryResourceAccessor(resources),
            () ->
                new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                    .execute());
      }

      GenerationTool.generate(
          new Configuration()
              .withJdbc(
                  new Jdbc()
                      .withDriver("org.postgresql.Driver")
                      .withUrl(url)
                      .withUser("rg_owner")
                      .withPassword("codegen"))
              .withGenerator(
                  new Generator()
                      .withDatabase(
                          new org.jooq.meta.jaxb.Database()
                              .withName("org.jooq.meta.postgres.PostgresDatabase")
                              .withInputSchema("rg"))
                      .withGenerate(
                          new Generate()
                              .withJavaTimeTypes(true)
                              .withRecords(true)
                              .withPojos(false)
                              .withRoutines(false)
                              .withDeprecated(false))
                      .withTarget(
                          new Target()
                              .withPackageName("org.redgovernance.database.jooq")
                              .withDirectory(output.toString()))));
    }
    Files.writeString(stamp, fingerprint);
  }

  private static String fingerprint(Path dir, Path generator) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update(Files.readAllBytes(generator));
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        sha.update(dir.relativize(file).toString().getBytes());
        sha.update(Files.readAllBytes(file));
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
