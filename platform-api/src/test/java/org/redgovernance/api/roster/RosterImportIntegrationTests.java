package org.redgovernance.api.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.api.support.Rows;
import org.redgovernance.api.support.Uploads;
import org.redgovernance.database.IdCardNumbers;
import org.redgovernance.testing.HttpJson;
import tools.jackson.databind.JsonNode;

/**
 * Importing roster spreadsheets into qingyuan: what a community office uploads from Excel, and
 * every way such a file goes wrong. Each test uses its own unit number, so tests never meet.
 */
class RosterImportIntegrationTests extends IntegrationTest {

  private static final String HEADER = "楼栋,单元,室,姓名,性别,手机,身份证号,业主,党员类别,工作单位,特长";
  private static final AtomicInteger UNIT = new AtomicInteger(10);
  private static final AtomicInteger SERIAL = new AtomicInteger();

  @Test
  void aDryRun_reportsWhatItWouldCreateAndWritesNothing() {
    String csv = sheet(3);
    long before = residents();

    JsonNode report =
        upload("qingyuan.admin", true, "roster.csv", csv.getBytes(StandardCharsets.UTF_8));

    assertThat(report.path("dryRun").asBoolean()).isTrue();
    assertThat(report.path("applied").asBoolean()).isFalse();
    assertThat(report.path("problems").size()).as(report.toString()).isZero();
    assertThat(report.path("residents").path("created").asInt()).isEqualTo(6);
    assertThat(report.path("households").path("created").asInt()).isEqualTo(3);
    assertThat(report.path("partyMembers").path("created").asInt()).isEqualTo(3);
    assertThat(residents()).isEqualTo(before);
  }

  @Test
  void aRealRun_writesEverything_andTheSameFileAgainCreatesNothing() {
    byte[] csv = sheet(4).getBytes(StandardCharsets.UTF_8);
    long before = residents();

    JsonNode first = upload("qingyuan.admin", false, "roster.csv", csv);
    JsonNode second = upload("qingyuan.admin", false, "roster.csv", csv);

    assertThat(first.path("applied").asBoolean()).as(first.toString()).isTrue();
    assertThat(residents()).isEqualTo(before + 8);
    assertThat(second.path("applied").asBoolean()).isTrue();
    assertThat(second.path("residents").path("created").asInt()).isZero();
    assertThat(second.path("residents").path("existing").asInt()).isEqualTo(8);
    assertThat(second.path("households").path("existing").asInt()).isEqualTo(4);
    assertThat(second.path("partyMembers").path("existing").asInt()).isEqualTo(4);
    assertThat(residents()).isEqualTo(before + 8);
  }

  @Test
  void aGbkFileFromExcel_isRead() {
    byte[] gbk = sheet(2).getBytes(Charset.forName("GBK"));

    JsonNode report = upload("qingyuan.admin", true, "花名册.csv", gbk);

    assertThat(report.path("problems").size()).as(report.toString()).isZero();
    assertThat(report.path("residents").path("created").asInt()).isEqualTo(4);
  }

  @Test
  void anXlsxWorkbook_isRead() throws Exception {
    ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      var sheet = workbook.createSheet("花名册");
      String[] lines = sheet(2).split("\n");
      for (int r = 0; r < lines.length; r++) {
        String[] cells = lines[r].split(",", -1);
        var row = sheet.createRow(r);
        for (int c = 0; c < cells.length; c++) {
          row.createCell(c).setCellValue(cells[c]);
        }
      }
      workbook.write(xlsx);
    }

    JsonNode report = upload("qingyuan.admin", true, "roster.xlsx", xlsx.toByteArray());

    assertThat(report.path("problems").size()).as(report.toString()).isZero();
    assertThat(report.path("residents").path("created").asInt()).isEqualTo(4);
  }

  @Test
  void badRows_areReportedByRowAndColumn_andNothingIsWritten() {
    int unit = UNIT.incrementAndGet();
    String good = idCard(1980, true);
    String wrongCheck = idCard(1981, false);
    wrongCheck = wrongCheck.substring(0, 17) + (wrongCheck.charAt(17) == '0' ? '1' : '0');
    String csv =
        HEADER
            + "\n"
            + "1幢,"
            + unit
            + ",101,好人,"
            + "男,13800000000,"
            + good
            + ",是,,,\n"
            + "1幢,"
            + unit
            + ",102,错号,女,,"
            + wrongCheck
            + ",否,,,\n"
            + "99幢,"
            + unit
            + ",103,无楼,男,,,否,,,\n"
            + "1幢,"
            + unit
            + ",104,=HYPERLINK(\"http://x\"),男,,,否,,,\n"
            + "1幢,"
            + unit
            + ",105,在职无单位,男,,,否,在职,,\n"
            + "1幢,"
            + unit
            + ",106,张\u0000三,男,,,否,,,\n";
    long before = residents();

    JsonNode report =
        upload("qingyuan.admin", false, "bad.csv", csv.getBytes(StandardCharsets.UTF_8));

    assertThat(report.path("applied").asBoolean()).isFalse();
    assertThat(problems(report))
        .containsExactly(
            "3 身份证号 INVALID",
            "4 楼栋 UNKNOWN_BUILDING",
            "5 姓名 FORMULA",
            "6 工作单位 INVALID",
            "7 姓名 INVALID");
    assertThat(residents()).isEqualTo(before);
  }

  @Test
  void brokenFiles_getAClearReport() {
    assertThat(problems(upload("qingyuan.admin", true, "empty.csv", new byte[0])))
        .containsExactly("0 null EMPTY_FILE");
    assertThat(
            problems(
                upload(
                    "qingyuan.admin",
                    true,
                    "x.csv",
                    new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0x81, 0x30, (byte) 0xFF})))
        .containsExactly("0 null UNREADABLE_ENCODING");
    assertThat(
            problems(
                upload(
                    "qingyuan.admin",
                    true,
                    "x.csv",
                    "姓名,电话\n张三,1\n".getBytes(StandardCharsets.UTF_8))))
        .containsExactly("0 null MISSING_COLUMN");
    assertThat(
            problems(
                upload(
                    "qingyuan.admin",
                    true,
                    "x.xlsx",
                    "PK not really a zip".getBytes(StandardCharsets.UTF_8))))
        .containsExactly("0 null UNREADABLE_FILE");
  }

  @Test
  void anOversizedFile_isRefusedWith413() {
    HttpJson.Response response =
        Uploads.post(
            port,
            "/roster-imports",
            "qingyuan.admin",
            Map.of("community", "qingyuan", "dryRun", "true"),
            "big.csv",
            new byte[6 * 1024 * 1024]);

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.body().path("code").asString()).isEqualTo("FILE_TOO_LARGE");
  }

  @Test
  void onlyTheCommunitysAdminOrSecretary_mayImport_andOtherCommunitiesAreNotFound() {
    byte[] csv = sheet(1).getBytes(StandardCharsets.UTF_8);

    HttpJson.Response staff =
        Uploads.post(
            port, "/roster-imports", "gutang.admin", Map.of("community", "qingyuan"), "r.csv", csv);
    HttpJson.Response foreign =
        Uploads.post(
            port,
            "/roster-imports",
            "baiguoshu.admin",
            Map.of("community", "qingyuan"),
            "r.csv",
            csv);
    HttpJson.Response anonymous =
        Uploads.post(port, "/roster-imports", null, Map.of("community", "qingyuan"), "r.csv", csv);

    assertThat(staff.status()).isEqualTo(403);
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(anonymous.status()).isEqualTo(401);
  }

  private JsonNode upload(String user, boolean dryRun, String filename, byte[] content) {
    HttpJson.Response response =
        Uploads.post(
            port,
            "/roster-imports",
            user,
            Map.of("community", "qingyuan", "dryRun", Boolean.toString(dryRun)),
            filename,
            content);
    assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
    return response.body();
  }

  /** Households in building 1 of qingyuan, two residents each, the first a party member. */
  static String sheet(int households) {
    int unit = UNIT.incrementAndGet();
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    for (int h = 1; h <= households; h++) {
      String room = Integer.toString(100 + h);
      csv.append("1幢,")
          .append(unit)
          .append(',')
          .append(room)
          .append(",户主")
          .append(h)
          .append(",男,1390000")
          .append(String.format("%04d", SERIAL.incrementAndGet()))
          .append(',')
          .append(idCard(1960 + h, true))
          .append(",是,在册,,书法、摄影\n");
      csv.append("1幢,")
          .append(unit)
          .append(',')
          .append(room)
          .append(",家属")
          .append(h)
          .append(",女,,")
          .append(idCard(1990 + h, false))
          .append(",否,,,\n");
    }
    return csv.toString();
  }

  static String idCard(int year, boolean male) {
    int sequence = (SERIAL.incrementAndGet() % 450) * 2 + (male ? 1 : 0);
    String first17 = String.format("330282%04d0808%03d", year, sequence % 1000);
    return first17 + IdCardNumbers.checkCharacter(first17);
  }

  private static List<String> problems(JsonNode report) {
    List<String> list = new java.util.ArrayList<>();
    report
        .path("problems")
        .forEach(
            p ->
                list.add(
                    p.path("row").asInt()
                        + " "
                        + (p.path("column").isNull() ? "null" : p.path("column").asString())
                        + " "
                        + p.path("code").asString()));
    return list;
  }

  private static long residents() {
    return Rows.count(
        "SELECT count(*) FROM rg.resident r JOIN rg.community c ON c.id = r.community_id WHERE c.key = 'qingyuan'");
  }
}
