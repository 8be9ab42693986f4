package org.redgovernance.api.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.api.support.Uploads;
import org.redgovernance.database.IdCardNumbers;
import org.redgovernance.testing.HttpJson;
import tools.jackson.databind.JsonNode;

/**
 * Benchmark: a community the size of Baiguoshu — 700 households, 2,500 residents, 338 party members
 * — imported in one file (goal: under 10 s on the 2-core machine). It prints the figures and
 * asserts what was imported, never the time: a timed assertion would flake on a shared machine.
 */
class RosterImportBenchmarkTests extends IntegrationTest {

  @Test
  void importsACommunityOfBaiguoshusSize() {
    byte[] csv = baiguoshuSized().getBytes(StandardCharsets.UTF_8);

    long dryStarted = System.nanoTime();
    JsonNode dry = upload(csv, true);
    long dryMillis = (System.nanoTime() - dryStarted) / 1_000_000;
    long started = System.nanoTime();
    JsonNode real = upload(csv, false);
    long millis = (System.nanoTime() - started) / 1_000_000;

    System.out.printf(
        "Roster import benchmark: %d households, %d residents, %d party members, %d KiB of CSV:"
            + " dry run %d ms, import %d ms (server %d ms)%n",
        real.path("households").path("created").asInt(),
        real.path("residents").path("created").asInt(),
        real.path("partyMembers").path("created").asInt(),
        csv.length / 1024,
        dryMillis,
        millis,
        real.path("millis").asLong());
    assertThat(dry.path("problems").size()).as(dry.toString()).isZero();
    assertThat(real.path("applied").asBoolean()).isTrue();
    assertThat(real.path("households").path("created").asInt()).isEqualTo(700);
    assertThat(real.path("residents").path("created").asInt()).isEqualTo(2500);
    assertThat(real.path("partyMembers").path("created").asInt()).isEqualTo(338);
  }

  private JsonNode upload(byte[] csv, boolean dryRun) {
    HttpJson.Response response =
        Uploads.post(
            port,
            "/roster-imports",
            "qingyuan.admin",
            Map.of("community", "qingyuan", "dryRun", Boolean.toString(dryRun)),
            "benchmark.csv",
            csv);
    assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
    return response.body();
  }

  private static String baiguoshuSized() {
    StringBuilder csv =
        new StringBuilder("楼栋,单元,室,网格,姓名,性别,出生年份,手机,身份证号,业主,入住日期,党员类别,工作单位,入党日期,特长\n");
    int serial = 0;
    for (int h = 0; h < 700; h++) {
      String address = (h % 6 + 1) + "幢,bench" + (h / 100) + "," + (1000 + h);
      int members = h < 400 ? 4 : 3;
      for (int m = 0; m < members; m++) {
        int year = m < 2 ? 1950 + (h + m) % 40 : 1992 + (h + m) % 25;
        boolean male = m % 2 == 0;
        String first17 =
            String.format(
                "330282%04d%02d%02d%03d",
                year, 1 + serial % 12, 1 + serial / 12 % 28, (serial % 500) * 2 + (male ? 1 : 0));
        serial++;
        String party = m == 0 && h < 338 ? (h % 3 == 0 ? "银辉" : h % 3 == 1 ? "在册" : "在职") : "";
        csv.append(address)
            .append(",,居民")
            .append(h)
            .append('-')
            .append(m)
            .append(',')
            .append(male ? "男" : "女")
            .append(',')
            .append(year)
            .append(",139")
            .append(String.format("%08d", serial))
            .append(',')
            .append(first17)
            .append(IdCardNumbers.checkCharacter(first17))
            .append(',')
            .append(m == 0 ? "是" : "否")
            .append(",2015-06-01,")
            .append(party)
            .append(',')
            .append(party.equals("在职") ? "慈溪市某单位" : "")
            .append(',')
            .append(party.isEmpty() ? "" : "2001-07-01")
            .append(',')
            .append(party.isEmpty() ? "" : "文艺、水电维修")
            .append('\n');
      }
    }
    return csv.toString();
  }
}
