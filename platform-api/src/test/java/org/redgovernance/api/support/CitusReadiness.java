package org.redgovernance.api.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.Table;
import org.redgovernance.database.jooq.Rg;

/**
 * Which statements Citus could route to one shard: run by the build after platform-api's tests, it
 * reads every distinct statement the tests made the service send ({@code rg.sql.record-statements})
 * and sorts those that touch a tenant table (one with {@code community_id}) by what they say of the
 * community: one community named ({@code community_id = ?}: the router planner sends it to the one
 * shard holding it), a list of communities (a street's: several shards), or none (only row-level
 * security narrows it, which Citus cannot route by: every shard). An insert that lists {@code
 * community_id} among its columns names its rows' community. It prints the counts and writes the
 * statements of the last two kinds to {@code target/citus-readiness.md}; it asserts nothing about
 * them — the figures are for {@code infra/deploy/README.md}.
 */
public final class CitusReadiness {

  /** Where the tests' services record their statements. */
  public static final String RECORDED = "target/recorded-statements.sql";

  private static final Pattern TABLE = Pattern.compile("\"?rg\"?\\.\"?([a-z_]+)\"?");
  private static final Pattern ONE =
      Pattern.compile("community_id\"?\\s*=\\s*(\\?|\\$\\d+|cast\\(\\s*\\?|\\(\\s*\\?)");

  /** An insert that gives the community of its rows: Citus routes it by that value. */
  private static final Pattern INSERT_ONE =
      Pattern.compile("insert into \"?rg\"?\\.\"?[a-z_]+\"?\\s*\\(\\s*\"?community_id\"?[,)]");

  /**
   * The community's own row named ({@code "r0"."id" = ?} on rg.community), its data joined on it.
   */
  private static final Pattern COMMUNITY_ROW =
      Pattern.compile("\"rg\"\\.\"community\" as \"(\\w+)\".*\"\\1\"\\.\"id\" = (cast\\(\\?|\\?)");

  private static final Pattern SEVERAL =
      Pattern.compile("community_id\"?\\s*(=\\s*any\\s*\\(|in\\s*\\()", Pattern.CASE_INSENSITIVE);

  private CitusReadiness() {}

  public static void main(String[] arguments) throws IOException {
    Path recorded = Path.of(arguments.length > 0 ? arguments[0] : RECORDED);
    Path report = Path.of(arguments.length > 1 ? arguments[1] : "target/citus-readiness.md");
    if (!Files.exists(recorded)) {
      System.out.println("citus readiness: no statements recorded (tests skipped)");
      return;
    }
    Set<String> tenantTables = tenantTables();
    Set<String> statements = new TreeSet<>(Files.readAllLines(recorded, StandardCharsets.UTF_8));
    List<String> several = new ArrayList<>();
    List<String> throughTheCommunity = new ArrayList<>();
    List<String> none = new ArrayList<>();
    Map<String, Integer> noneByTable = new TreeMap<>();
    int tenant = 0;
    int one = 0;
    for (String statement : statements) {
      Set<String> tables = tablesIn(statement, tenantTables);
      if (tables.isEmpty()) {
        continue;
      }
      tenant++;
      String lower = statement.toLowerCase();
      if (ONE.matcher(lower).find() || INSERT_ONE.matcher(lower).find()) {
        one++;
      } else if (COMMUNITY_ROW.matcher(lower).find()) {
        throughTheCommunity.add(statement);
      } else if (SEVERAL.matcher(lower).find()) {
        several.add(statement);
      } else {
        none.add(statement);
        tables.forEach(table -> noneByTable.merge(table, 1, Integer::sum));
      }
    }
    String summary =
        String.format(
            "citus readiness: %d distinct statements, %d on tenant tables: %d name one community"
                + " (one shard), %d name the community's row and join its data to it (one shard"
                + " if the planner carries the equality into the joins), %d a list of communities"
                + " (several shards), %d none (every shard)",
            statements.size(),
            tenant,
            one,
            throughTheCommunity.size(),
            several.size(),
            none.size());
    System.out.println(summary);
    StringBuilder text =
        new StringBuilder("# Citus readiness of the statements the tests sent\n\n");
    text.append(summary.substring("citus readiness: ".length())).append(".\n\n");
    text.append("## Tenant tables in statements that name no community\n\n");
    noneByTable.forEach(
        (table, count) -> text.append("- ").append(table).append(": ").append(count).append('\n'));
    text.append("\n## Statements that name no community\n\n");
    none.forEach(statement -> text.append("- `").append(shortened(statement)).append("`\n"));
    text.append("\n## Statements that name the community's row and join its data to it\n\n");
    throughTheCommunity.forEach(
        statement -> text.append("- `").append(shortened(statement)).append("`\n"));
    text.append("\n## Statements that name a list of communities\n\n");
    several.forEach(statement -> text.append("- `").append(shortened(statement)).append("`\n"));
    Files.createDirectories(report.toAbsolutePath().getParent());
    Files.writeString(report, text, StandardCharsets.UTF_8);
  }

  /** The tables of schema rg with a {@code community_id} column: those Citus would distribute. */
  static Set<String> tenantTables() {
    Set<String> tables = new TreeSet<>();
    for (Table<?> table : Rg.RG.getTables()) {
      if (table.field("community_id") != null && table.getOptions().type().isTable()) {
        tables.add(table.getName());
      }
    }
    return tables;
  }

  private static Set<String> tablesIn(String statement, Set<String> tenantTables) {
    Set<String> found = new TreeSet<>();
    Matcher table = TABLE.matcher(statement);
    while (table.find()) {
      if (tenantTables.contains(table.group(1))) {
        found.add(table.group(1));
      }
    }
    return found;
  }

  private static String shortened(String statement) {
    String text = statement.replace('`', '\'');
    return text.length() > 300 ? text.substring(0, 300) + " …" : text;
  }
}
