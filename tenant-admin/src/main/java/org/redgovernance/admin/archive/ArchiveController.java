package org.redgovernance.admin.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.redgovernance.admin.audit.AdminAuditRepository;
import org.redgovernance.admin.security.Operator;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /communities/{key}/archive}: the community's complete data as a zip — {@code
 * <table>.jsonl} per tenant table, {@code manifest.json} (community, time, tables in load order
 * with row counts), {@code roles.jsonl} (who holds which role, from Keycloak) and {@code
 * summary.xlsx} — for its street's admins and the platform operator. Rows go from the database
 * cursor straight into the zip stream. Personal data stays encrypted as stored; the archive is for
 * this platform's import, not for reading. A finished export is noted in the registry, where
 * erasing looks for it.
 */
@RestController
class ArchiveController {

  static final String FORMAT = "red-governance-community-archive/1";
  static final String MANIFEST = "manifest.json";
  static final String ROLES = "roles.jsonl";

  private final ArchiveRepository archive;
  private final TenantTables tenantTables;
  private final RoleHolders roleHolders;
  private final CommunityLookup communities;
  private final AdminAuditRepository audit;
  private final JsonMapper json;

  ArchiveController(
      ArchiveRepository archive,
      TenantTables tenantTables,
      RoleHolders roleHolders,
      CommunityLookup communities,
      AdminAuditRepository audit,
      JsonMapper json) {
    this.archive = archive;
    this.tenantTables = tenantTables;
    this.roleHolders = roleHolders;
    this.communities = communities;
    this.audit = audit;
    this.json = json;
  }

  @GetMapping("/communities/{key}/archive")
  ResponseEntity<StreamingResponseBody> export(
      @PathVariable String key, @AuthenticationPrincipal Jwt token) {
    Operator operator = Operator.of(token);
    var community = communities.find(key).filter(c -> operator.oversees(c.streetKey()));
    if (community.isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
    }
    if (!operator.administers(community.get().streetKey())) {
      audit.record(
          operator,
          "community.exported",
          community.get().streetKey(),
          key,
          "REFUSED",
          null,
          Map.of());
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    CommunityLookup.Found found = community.get();
    List<String> tables = tenantTables.archived();
    StreamingResponseBody body = out -> write(out, found, tables, operator);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/zip"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"" + key + "-" + OffsetDateTime.now().toLocalDate() + ".zip\"")
        .body(body);
  }

  private void write(
      OutputStream out, CommunityLookup.Found community, List<String> tables, Operator operator)
      throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    ArchiveRepository.Exported exported =
        archive.stream(
            community.id(),
            tables,
            new ArchiveRepository.ArchiveWriter() {
              private boolean open;

              @Override
              public void beginTable(String table) throws IOException {
                if (open) {
                  zip.closeEntry();
                }
                zip.putNextEntry(new ZipEntry(table + ".jsonl"));
                open = true;
              }

              @Override
              public void row(String row) throws IOException {
                zip.write(row.getBytes(StandardCharsets.UTF_8));
                zip.write('\n');
              }
            });
    if (!tables.isEmpty()) {
      zip.closeEntry();
    }
    Map<String, Long> counts = exported.counts();
    List<RoleHolders.Holder> holders = roleHolders.of(community.key());
    zip.putNextEntry(new ZipEntry(ROLES));
    for (RoleHolders.Holder holder : holders) {
      zip.write(json.writeValueAsBytes(holder));
      zip.write('\n');
    }
    zip.closeEntry();
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("format", FORMAT);
    manifest.put("community", Map.of("key", community.key(), "name", community.name()));
    manifest.put("street", community.streetKey());
    manifest.put("exportedAt", exported.snapshotAt().toString());
    manifest.put("tables", counts);
    manifest.put("roles", holders.size());
    zip.putNextEntry(new ZipEntry(MANIFEST));
    zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
    zip.closeEntry();
    zip.putNextEntry(new ZipEntry("summary.xlsx"));
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
      SXSSFSheet sheet = workbook.createSheet("概要");
      int row = 0;
      sheet
          .createRow(row++)
          .createCell(0)
          .setCellValue(community.name() + "（" + community.key() + "）");
      var header = sheet.createRow(row++);
      header.createCell(0).setCellValue("数据表");
      header.createCell(1).setCellValue("行数");
      for (Map.Entry<String, Long> table : counts.entrySet()) {
        var line = sheet.createRow(row++);
        line.createCell(0).setCellValue(table.getKey());
        line.createCell(1).setCellValue(table.getValue());
      }
      workbook.write(new NonClosing(zip));
    }
    zip.closeEntry();
    zip.finish();
    archive.recordExport(community.id(), exported);
    audit.record(
        operator,
        "community.exported",
        community.streetKey(),
        community.key(),
        "OK",
        null,
        Map.of("rows", counts.values().stream().mapToLong(Long::longValue).sum()));
  }

  /** The workbook closes the stream it writes to; the zip must stay open for its entry. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
