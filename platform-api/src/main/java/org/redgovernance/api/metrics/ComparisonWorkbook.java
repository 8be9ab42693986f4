package org.redgovernance.api.metrics;

import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The street's comparison as a workbook: a sheet of the metrics' definitions first, then one sheet
 * per metric (the street's median and quartiles, each community's rank, value, sample, week's
 * change and weekly line), every sheet stamped with the time it was made. A value below the
 * metric's minimum sample reads 数据不足 (insufficient data), never a number. Written row by row (a
 * streaming workbook keeps a hundred rows in memory), so a large street does not grow the heap.
 */
final class ComparisonWorkbook {

  static final String DEFINITIONS = "指标说明";
  static final String INSUFFICIENT = "数据不足";

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private ComparisonWorkbook() {}

  static void write(JsonNode comparisons, OffsetDateTime asOf, OutputStream out)
      throws IOException {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
      Font bold = workbook.createFont();
      bold.setBold(true);
      CellStyle header = workbook.createCellStyle();
      header.setFont(bold);
      String stamp = "截至 " + asOf.format(STAMP) + " (Asia/Shanghai) · as of " + asOf;

      Sheet definitions = workbook.createSheet(DEFINITIONS);
      row(definitions, 0, null, stamp);
      row(
          definitions,
          2,
          header,
          "指标 key",
          "名称",
          "Name",
          "定义",
          "Definition",
          "算法 formula",
          "单位 unit",
          "方向 better",
          "最小样本 min sample",
          "可回溯 backfills");
      int at = 3;
      for (JsonNode comparison : comparisons) {
        JsonNode metric = comparison.path("metric");
        row(
            definitions,
            at++,
            null,
            metric.path("key"),
            metric.path("label"),
            metric.path("labelEn"),
            metric.path("definitionZh"),
            metric.path("definition"),
            metric.path("formula"),
            metric.path("unit"),
            metric.path("better"),
            metric.path("minSample"),
            metric.path("backfills"));
      }

      for (JsonNode comparison : comparisons) {
        JsonNode metric = comparison.path("metric");
        JsonNode standings = comparison.path("communities");
        Sheet sheet =
            workbook.createSheet(WorkbookUtil.createSafeSheetName(metric.path("key").asString()));
        row(
            sheet,
            0,
            header,
            metric.path("label").asString() + " · " + metric.path("labelEn").asString());
        row(sheet, 1, null, stamp);
        row(
            sheet,
            2,
            null,
            "排名数 ranked",
            comparison.path("ranked"),
            "中位数 median",
            comparison.path("median"),
            "下四分位 lower quartile",
            comparison.path("lowerQuartile"),
            "上四分位 upper quartile",
            comparison.path("upperQuartile"));
        TreeSet<String> weeks = new TreeSet<>();
        for (JsonNode standing : standings) {
          for (JsonNode point : standing.path("weekly")) {
            weeks.add(point.path("day").asString());
          }
        }
        List<Object> columns =
            new ArrayList<>(
                List.of(
                    "排名 rank",
                    "社区 key",
                    "社区",
                    "快照日 day",
                    "数值 value",
                    "样本 sample",
                    "上周 previous",
                    "变化 change"));
        columns.addAll(weeks);
        row(sheet, 4, header, columns.toArray());
        int line = 5;
        for (JsonNode standing : standings) {
          boolean sufficient = standing.path("sufficient").asBoolean();
          List<Object> cells =
              new ArrayList<>(
                  List.of(
                      orBlank(standing.path("rank")),
                      standing.path("communityKey"),
                      standing.path("communityName"),
                      standing.path("day"),
                      sufficient ? orBlank(standing.path("value")) : INSUFFICIENT,
                      standing.path("sample"),
                      orBlank(standing.path("previous")),
                      orBlank(standing.path("change"))));
          Map<String, Object> byWeek = new java.util.HashMap<>();
          for (JsonNode point : standing.path("weekly")) {
            byWeek.put(
                point.path("day").asString(),
                point.path("sufficient").asBoolean() ? orBlank(point.path("value")) : INSUFFICIENT);
          }
          for (String week : weeks) {
            cells.add(byWeek.getOrDefault(week, ""));
          }
          row(sheet, line++, null, cells.toArray());
        }
      }
      workbook.write(out);
      workbook.dispose();
    }
  }

  /** The cell's value of a JSON value: a number, a boolean, a text, or blank for null. */
  private static Object orBlank(@Nullable JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "";
    }
    if (value.isNumber()) {
      return value.asDouble();
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    return value.asString();
  }

  private static void row(Sheet sheet, int index, @Nullable CellStyle style, Object... values) {
    Row row = sheet.createRow(index);
    for (int i = 0; i < values.length; i++) {
      Cell cell = row.createCell(i);
      Object value = values[i];
      if (value instanceof JsonNode node) {
        value = orBlank(node);
      }
      if (value instanceof Number number) {
        cell.setCellValue(number.doubleValue());
      } else if (value instanceof Boolean flag) {
        cell.setCellValue(flag);
      } else if (value != null) {
        cell.setCellValue(value.toString());
      }
      if (style != null) {
        cell.setCellStyle(style);
      }
    }
  }
}
