package org.redgovernance.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.testing.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The comparison as the street office downloads it: a definitions sheet and a sheet per metric,
 * stamped with its time, with the same numbers as streetComparison; insufficient data spelled out;
 * only for the street's roles.
 */
class StreetComparisonExportIntegrationTests extends IntegrationTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Autowired MetricSnapshots snapshots;

  @BeforeEach
  void snapshotsOfADay() {
    snapshots.record(LocalDate.of(2031, 5, 1));
  }

  @Test
  void theWorkbook_hasTheDefinitions_andASheetPerMetric_withTheDashboardsNumbers()
      throws Exception {
    HttpResponse<byte[]> download =
        get("baishalu.viewer", "?streetKey=baishalu&metrics=households&metrics=average_rating");
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
        .contains("attachment")
        .contains("street-comparison-baishalu-");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
      List<String> sheets = new ArrayList<>();
      workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
      assertThat(sheets)
          .containsExactly(ComparisonWorkbook.DEFINITIONS, "households", "average_rating");
      Sheet definitions = workbook.getSheet(ComparisonWorkbook.DEFINITIONS);
      assertThat(text(definitions.getRow(0), 0)).startsWith("截至 ");
      assertThat(text(definitions.getRow(3), 0)).isEqualTo("households");
      assertThat(text(definitions.getRow(3), 3)).isEqualTo("社区花名册登记的户数。");
      assertThat(text(definitions.getRow(3), 4))
          .isEqualTo("The households of the community's roster.");

      JsonNode dashboard =
          graphql
              .query(
                  "{ streetComparison(streetKey: \"baishalu\", metrics: [\"households\"]) {"
                      + " median communities { communityKey value rank } } }")
              .as("baishalu.viewer")
              .execute()
              .data("streetComparison")
              .get(0);
      Sheet households = workbook.getSheet("households");
      assertThat(households.getRow(2).getCell(3).getNumericCellValue())
          .isEqualTo(dashboard.path("median").asDouble());
      Row first = households.getRow(5);
      JsonNode best = dashboard.path("communities").get(0);
      assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(best.path("rank").asDouble());
      assertThat(text(first, 1)).isEqualTo(best.path("communityKey").asString());
      assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(best.path("value").asDouble());

      Sheet rating = workbook.getSheet("average_rating");
      for (int i = 5; i <= rating.getLastRowNum(); i++) {
        Row row = rating.getRow(i);
        if (text(row, 0).isEmpty()) {
          assertThat(text(row, 4)).isEqualTo(ComparisonWorkbook.INSUFFICIENT);
        }
      }
    }
  }

  @Test
  void onlyTheStreetsRoles_download_andNobodyWithoutAToken() throws Exception {
    assertThat(get("baiguoshu.admin", "?streetKey=baishalu").statusCode()).isEqualTo(404);
    assertThat(get("gutang.admin", "?streetKey=baishalu").statusCode()).isEqualTo(404);
    assertThat(get("baishalu.admin", "?streetKey=nowhere").statusCode()).isEqualTo(404);
    assertThat(get(null, "?streetKey=baishalu").statusCode()).isEqualTo(401);
    assertThat(get("platform.operator", "?streetKey=baishalu").statusCode()).isEqualTo(200);
  }

  private HttpResponse<byte[]> get(String user, String query)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + StreetComparisonExport.PATH + query))
            .GET();
    if (user != null) {
      request.header("Authorization", "Bearer " + Tokens.of(user));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String text(Row row, int cell) {
    return new DataFormatter().formatCellValue(row.getCell(cell));
  }
}
