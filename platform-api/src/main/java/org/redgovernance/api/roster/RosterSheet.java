package org.redgovernance.api.roster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.jspecify.annotations.Nullable;

/**
 * A roster spreadsheet as offices keep them: xlsx, or csv in UTF-8 or GBK (what Excel writes on a
 * Chinese Windows). The first row names the columns, in Chinese or English; each further row is one
 * resident with their household's address and, if they are one, their party membership.
 */
final class RosterSheet {

  static final int MAX_ROWS = 20_000;

  /** The columns an import understands, with the headers accepted for each. */
  enum Column {
    BUILDING(true, "楼栋", "楼号", "building"),
    UNIT(true, "单元", "unit"),
    ROOM(true, "室", "房号", "room"),
    GRID(false, "网格", "grid"),
    NAME(true, "姓名", "name"),
    GENDER(false, "性别", "gender"),
    BIRTH_YEAR(false, "出生年份", "birthyear"),
    PHONE(false, "手机", "电话", "联系电话", "phone"),
    ID_CARD(false, "身份证号", "身份证号码", "idcardnumber"),
    OWNER(false, "业主", "owner"),
    MOVED_IN(false, "入住日期", "movedinon"),
    PARTY_KIND(false, "党员类别", "partykind"),
    WORKPLACE(false, "工作单位", "workplace"),
    JOINED_ON(false, "入党日期", "joinedon"),
    SPECIALTIES(false, "特长", "specialties");

    final boolean required;
    private final List<String> headers;

    Column(boolean required, String... headers) {
      this.required = required;
      this.headers = List.of(headers);
    }

    static @Nullable Column ofHeader(String header) {
      String h = header.strip().toLowerCase(Locale.ROOT).replace(" ", "");
      for (Column column : values()) {
        if (column.headers.contains(h)) {
          return column;
        }
      }
      return null;
    }

    /** How the column is named in reports: its Chinese header. */
    String label() {
      return headers.get(0);
    }
  }

  /** One data row: its number as a spreadsheet user counts (header = row 1) and its cells. */
  record Row(int number, Map<Column, String> cells) {
    String get(Column column) {
      return cells.getOrDefault(column, "");
    }
  }

  /** The rows, or why the file could not be read at all. */
  record Parsed(List<Row> rows, ImportReport.@Nullable Problem problem) {
    static Parsed failed(String code, String message) {
      return new Parsed(List.of(), new ImportReport.Problem(0, null, code, message));
    }
  }

  private RosterSheet() {}

  static Parsed parse(@Nullable String filename, byte[] content) {
    if (content.length == 0) {
      return Parsed.failed("EMPTY_FILE", "The file is empty");
    }
    boolean xlsx =
        (filename != null && filename.toLowerCase(Locale.ROOT).endsWith(".xlsx"))
            || (content.length > 1 && content[0] == 'P' && content[1] == 'K');
    try {
      List<List<String>> table = xlsx ? readXlsx(content) : readCsv(content);
      return toRows(table);
    } catch (UnreadableException e) {
      return Parsed.failed(e.code, e.getMessage());
    }
  }

  private static Parsed toRows(List<List<String>> table) {
    if (table.isEmpty() || table.get(0).stream().allMatch(String::isBlank)) {
      return Parsed.failed("EMPTY_FILE", "The file has no header row");
    }
    List<String> header = table.get(0);
    Map<Integer, Column> columns = new java.util.HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      Column column = Column.ofHeader(header.get(i));
      if (column != null) {
        columns.put(i, column);
      }
    }
    for (Column column : Column.values()) {
      if (column.required && !columns.containsValue(column)) {
        return Parsed.failed("MISSING_COLUMN", "The header row lacks the column " + column.label());
      }
    }
    if (table.size() - 1 > MAX_ROWS) {
      return Parsed.failed("TOO_MANY_ROWS", "At most " + MAX_ROWS + " rows per file");
    }
    List<Row> rows = new ArrayList<>();
    for (int r = 1; r < table.size(); r++) {
      List<String> values = table.get(r);
      if (values.stream().allMatch(String::isBlank)) {
        continue;
      }
      Map<Column, String> cells = new EnumMap<>(Column.class);
      columns.forEach(
          (index, column) -> {
            if (index < values.size()) {
              cells.put(column, values.get(index).strip());
            }
          });
      rows.add(new Row(r + 1, cells));
    }
    if (rows.isEmpty()) {
      return Parsed.failed("EMPTY_FILE", "The file has no data rows");
    }
    return new Parsed(rows, null);
  }

  private static List<List<String>> readCsv(byte[] content) {
    String text = decode(content);
    try {
      List<List<String>> table = new ArrayList<>();
      for (CSVRecord record : CSVFormat.DEFAULT.builder().get().parse(new StringReader(text))) {
        table.add(record.toList());
      }
      return table;
    } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
      throw new UnreadableException("UNREADABLE_FILE", "The file is not a readable CSV file");
    }
  }

  /** UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise GBK. */
  private static String decode(byte[] content) {
    int offset =
        content.length >= 3
                && (content[0] & 0xFF) == 0xEF
                && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF
            ? 3
            : 0;
    ByteBuffer bytes = ByteBuffer.wrap(content, offset, content.length - offset);
    for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("GBK"))) {
      try {
        return charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(bytes.duplicate())
            .toString();
      } catch (CharacterCodingException notThisOne) {
        // try the next encoding
      }
    }
    throw new UnreadableException("UNREADABLE_ENCODING", "The file is neither UTF-8 nor GBK text");
  }

  private static List<List<String>> readXlsx(byte[] content) {
    try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
      Sheet sheet = workbook.getSheetAt(0);
      DataFormatter formatter = new DataFormatter(Locale.ROOT);
      List<List<String>> table = new ArrayList<>();
      for (org.apache.poi.ss.usermodel.Row row : sheet) {
        List<String> values = new ArrayList<>();
        int last = Math.max(row.getLastCellNum(), 0);
        for (int c = 0; c < last; c++) {
          Cell cell = row.getCell(c);
          values.add(cell == null ? "" : text(cell, formatter));
        }
        while (table.size() < row.getRowNum()) {
          table.add(List.of());
        }
        table.add(values);
        if (table.size() > MAX_ROWS + 1) {
          break;
        }
      }
      return table;
    } catch (IOException | RuntimeException e) {
      throw new UnreadableException("UNREADABLE_FILE", "The file is not a readable xlsx workbook");
    }
  }

  private static String text(Cell cell, DataFormatter formatter) {
    if (cell.getCellType() == CellType.FORMULA) {
      // Never evaluated: reported as a formula so that nothing computed slips into the roster.
      return "=" + cell.getCellFormula();
    }
    if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
      return cell.getLocalDateTimeCellValue()
          .toLocalDate()
          .format(DateTimeFormatter.ISO_LOCAL_DATE);
    }
    return formatter.formatCellValue(cell);
  }

  private static final class UnreadableException extends RuntimeException {
    private final String code;

    UnreadableException(String code, String message) {
      super(message);
      this.code = code;
    }
  }
}
