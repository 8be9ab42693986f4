package org.redgovernance.admin.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.redgovernance.admin.security.Operator;
import org.redgovernance.database.StorableText;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /streets/{key}/audit-log.xlsx}: the street's log as a workbook, the entries {@code
 * auditEvents} pages through for the same filter ({@code communityKey}, {@code action}, {@code
 * from}, {@code until} as ISO date-times), newest first, streamed from the database cursor — for
 * the street's admins and the platform operator (404 for anyone else, as if there were no log). The
 * export is itself an entry of the log.
 */
@RestController
class AuditExportController {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final String[] HEADINGS = {"时间", "操作人", "动作", "社区", "结果", "原因"};

  /** The longest community key or action a filter may name. */
  private static final int MAX_TEXT = 100;

  private final AdminAuditRepository audit;

  AuditExportController(AdminAuditRepository audit) {
    this.audit = audit;
  }

  @GetMapping("/streets/{streetKey}/audit-log.xlsx")
  ResponseEntity<StreamingResponseBody> export(
      @PathVariable String streetKey,
      @RequestParam(required = false) @Nullable String communityKey,
      @RequestParam(required = false) @Nullable String action,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String until,
      @AuthenticationPrincipal Jwt token) {
    Operator operator = Operator.of(token);
    if (!operator.administers(streetKey)) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
    }
    // checked before the first byte goes out: the workbook streams, so a refusal must come first
    for (var parameter :
        Map.of("communityKey", text(communityKey), "action", text(action)).entrySet()) {
      var problem = StorableText.problem(parameter.getValue(), MAX_TEXT);
      if (problem.isPresent()) {
        return refused("The value of " + parameter.getKey() + " " + problem.get());
      }
    }
    AuditFilter filter;
    try {
      filter = new AuditFilter(blankless(communityKey), blankless(action), time(from), time(until));
    } catch (DateTimeParseException e) {
      return refused("from and until are ISO date-times");
    }
    StreamingResponseBody body = out -> write(out, operator, streetKey, filter);
    return ResponseEntity.ok()
        .contentType(
            MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"audit-log-"
                + streetKey
                + "-"
                + OffsetDateTime.now(ZONE).toLocalDate()
                + ".xlsx\"")
        .body(body);
  }

  private void write(OutputStream out, Operator operator, String streetKey, AuditFilter filter)
      throws IOException {
    AtomicInteger rows = new AtomicInteger();
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
      SXSSFSheet sheet = workbook.createSheet("操作日志");
      Row heading = sheet.createRow(0);
      for (int i = 0; i < HEADINGS.length; i++) {
        heading.createCell(i).setCellValue(HEADINGS[i]);
      }
      audit.each(
          streetKey,
          filter,
          entry -> {
            Row row = sheet.createRow(rows.incrementAndGet());
            row.createCell(0).setCellValue(TIME.format(entry.occurredAt().atZoneSameInstant(ZONE)));
            row.createCell(1).setCellValue(entry.actorName());
            row.createCell(2).setCellValue(entry.action());
            row.createCell(3)
                .setCellValue(entry.communityKey() == null ? "" : entry.communityKey());
            row.createCell(4).setCellValue(entry.result());
            row.createCell(5).setCellValue(entry.reason() == null ? "" : entry.reason());
          });
      workbook.write(out);
    }
    audit.record(
        operator,
        "audit.exported",
        streetKey,
        filter.communityKey(),
        "OK",
        null,
        Map.of("entries", rows.get()));
  }

  private static ResponseEntity<StreamingResponseBody> refused(String message) {
    byte[] body =
        ("{\"code\":\"INVALID_INPUT\",\"message\":\""
                + message.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    return ResponseEntity.badRequest()
        .contentType(MediaType.APPLICATION_JSON)
        .body(out -> out.write(body));
  }

  private static String text(@Nullable String value) {
    return value == null ? "" : value;
  }

  private static @Nullable String blankless(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  private static @Nullable OffsetDateTime time(@Nullable String text) {
    return text == null || text.isBlank() ? null : OffsetDateTime.parse(text.trim());
  }
}
