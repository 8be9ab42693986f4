package org.redgovernance.admin.archive;

import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.redgovernance.admin.audit.AdminAuditRepository;
import org.redgovernance.admin.security.Operator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /communities/{key}/archive} with an archive as the body (application/zip): loads it
 * into the community, which must be empty — erased, or registered and not yet seeded. The archive
 * may come from any community; its rows take this one's id. All of it loads in one transaction,
 * checked against the manifest's counts, together with the role holders put back into their
 * Keycloak groups; anything wrong and nothing changes. The community then waits SUSPENDED for its
 * street to look at it and reactivate it.
 */
@RestController
class ArchiveImportController {

  /** Why an import changed nothing. */
  record ImportError(String code, String message) {}

  /** What an import loaded. */
  record Imported(
      String community,
      String status,
      Map<String, Long> tables,
      int rolesRestored,
      List<String> accountsMissing) {}

  private final ArchiveImportRepository archive;
  private final TenantTables tenantTables;
  private final RoleHolders roleHolders;
  private final CommunityLookup communities;
  private final AdminAuditRepository audit;
  private final TransactionTemplate transactions;
  private final JsonMapper json;
  private final long maxSize;

  ArchiveImportController(
      ArchiveImportRepository archive,
      TenantTables tenantTables,
      RoleHolders roleHolders,
      CommunityLookup communities,
      AdminAuditRepository audit,
      TransactionTemplate transactions,
      JsonMapper json,
      @Value("${rg.archive.max-import-size:2GB}") DataSize maxSize) {
    this.archive = archive;
    this.tenantTables = tenantTables;
    this.roleHolders = roleHolders;
    this.communities = communities;
    this.audit = audit;
    this.transactions = transactions;
    this.json = json;
    this.maxSize = maxSize.toBytes();
  }

  @PostMapping(path = "/communities/{key}/archive", consumes = "application/zip")
  ResponseEntity<?> importArchive(
      @PathVariable String key, HttpServletRequest request, @AuthenticationPrincipal Jwt token)
      throws IOException {
    Operator operator = Operator.of(token);
    var found = communities.find(key).filter(c -> operator.oversees(c.streetKey()));
    if (found.isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
    }
    CommunityLookup.Found community = found.get();
    if (!operator.administers(community.streetKey())) {
      return refused(operator, community, HttpStatus.FORBIDDEN, "FORBIDDEN", "Street admins only");
    }
    Path spooled = Files.createTempFile("community-archive-", ".zip");
    try {
      // A zip is read from its end, so the upload goes to a temporary file, not into memory.
      if (!spool(request.getInputStream(), spooled)) {
        return refused(
            operator,
            community,
            HttpStatus.CONTENT_TOO_LARGE,
            "TOO_LARGE",
            "The archive is larger than " + maxSize + " bytes");
      }
      try (ZipFile zip = new ZipFile(spooled.toFile())) {
        return load(operator, community, zip);
      } catch (ZipException e) {
        return refused(
            operator, community, HttpStatus.BAD_REQUEST, "INVALID_ARCHIVE", "Not a zip archive");
      }
    } finally {
      Files.deleteIfExists(spooled);
    }
  }

  private ResponseEntity<?> load(Operator operator, CommunityLookup.Found community, ZipFile zip)
      throws IOException {
    List<String> known = tenantTables.archived();
    Manifest manifest;
    try {
      manifest = manifest(zip, known);
    } catch (InvalidArchive invalid) {
      return refused(
          operator, community, HttpStatus.BAD_REQUEST, "INVALID_ARCHIVE", invalid.getMessage());
    }
    List<RoleHolders.Holder> holders = holders(zip);
    try {
      Imported imported =
          transactions.execute(
              status -> {
                String now = archive.lockAsTenant(community.id());
                if (!now.equals("ERASED") && !now.equals("ONBOARDING")
                    || archive.hasData(community.id(), known)) {
                  throw new NotEmpty(now);
                }
                Map<String, Long> loaded = new LinkedHashMap<>();
                for (String table : known) {
                  ZipEntry entry = zip.getEntry(table + ".jsonl");
                  if (entry == null) {
                    continue;
                  }
                  try (InputStream rows = zip.getInputStream(entry)) {
                    loaded.put(table, archive.load(community.id(), table, rows));
                  } catch (IOException e) {
                    throw new InvalidArchive(table + ".jsonl cannot be read");
                  }
                  if (!loaded.get(table).equals(manifest.tables().get(table))) {
                    throw new InvalidArchive(
                        table
                            + ".jsonl has "
                            + loaded.get(table)
                            + " rows, the manifest says "
                            + manifest.tables().get(table));
                  }
                }
                String reason =
                    "Restored from the archive of "
                        + manifest.community()
                        + " exported at "
                        + manifest.exportedAt();
                archive.markRestored(community.id(), reason);
                RoleHolders.Restored roles = roleHolders.restore(community.key(), holders);
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("from", manifest.community());
                details.put("rows", loaded.values().stream().mapToLong(Long::longValue).sum());
                details.put("rolesRestored", roles.restored());
                audit.record(
                    operator,
                    "community.imported",
                    community.streetKey(),
                    community.key(),
                    "OK",
                    reason,
                    details);
                return new Imported(
                    community.key(), "SUSPENDED", loaded, roles.restored(), roles.missing());
              });
      return ResponseEntity.ok(imported);
    } catch (NotEmpty notEmpty) {
      return refused(
          operator,
          community,
          HttpStatus.CONFLICT,
          "NOT_EMPTY",
          "Only an erased community, or one registered and not yet seeded, takes an archive; this"
              + " one is "
              + notEmpty.getMessage()
              + " or has data");
    } catch (InvalidArchive | ArchiveImportRepository.RowRefused invalid) {
      return refused(
          operator, community, HttpStatus.BAD_REQUEST, "INVALID_ARCHIVE", invalid.getMessage());
    } catch (RestClientException keycloakDown) {
      return refused(
          operator,
          community,
          HttpStatus.SERVICE_UNAVAILABLE,
          "UNAVAILABLE",
          "Keycloak could not restore the roles; nothing was imported, try again");
    }
  }

  /** The manifest's promises, checked against the tables this platform has. */
  private record Manifest(String community, String exportedAt, Map<String, Long> tables) {}

  private Manifest manifest(ZipFile zip, List<String> known) throws IOException {
    ZipEntry entry = zip.getEntry(ArchiveController.MANIFEST);
    if (entry == null) {
      throw new InvalidArchive("No " + ArchiveController.MANIFEST);
    }
    JsonNode manifest;
    try (InputStream in = zip.getInputStream(entry)) {
      manifest = json.readTree(in);
    } catch (JacksonException e) {
      throw new InvalidArchive(ArchiveController.MANIFEST + " is not JSON");
    }
    if (!ArchiveController.FORMAT.equals(manifest.path("format").asString(""))) {
      throw new InvalidArchive("Not a " + ArchiveController.FORMAT + " archive");
    }
    Map<String, Long> tables = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    manifest
        .path("tables")
        .properties()
        .forEach(
            table -> {
              if (!known.contains(table.getKey())) {
                problems.add("unknown table " + table.getKey());
              } else if (zip.getEntry(table.getKey() + ".jsonl") == null) {
                problems.add("no " + table.getKey() + ".jsonl");
              } else {
                tables.put(table.getKey(), table.getValue().asLong());
              }
            });
    if (!problems.isEmpty()) {
      throw new InvalidArchive(String.join("; ", problems));
    }
    return new Manifest(
        manifest.path("community").path("key").asString("?"),
        manifest.path("exportedAt").asString("?"),
        tables);
  }

  private List<RoleHolders.Holder> holders(ZipFile zip) throws IOException {
    ZipEntry entry = zip.getEntry(ArchiveController.ROLES);
    List<RoleHolders.Holder> holders = new ArrayList<>();
    if (entry == null) {
      return holders;
    }
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (!line.isBlank()) {
          holders.add(json.readValue(line, RoleHolders.Holder.class));
        }
      }
    } catch (JacksonException e) {
      throw new InvalidArchive(ArchiveController.ROLES + " is not valid");
    }
    return holders;
  }

  private boolean spool(InputStream in, Path file) throws IOException {
    long total = 0;
    byte[] buffer = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(file)) {
      int read;
      while ((read = in.read(buffer)) != -1) {
        total += read;
        if (total > maxSize) {
          return false;
        }
        out.write(buffer, 0, read);
      }
    }
    return true;
  }

  private ResponseEntity<ImportError> refused(
      Operator operator,
      CommunityLookup.Found community,
      HttpStatus status,
      String code,
      String message) {
    audit.record(
        operator,
        "community.imported",
        community.streetKey(),
        community.key(),
        "REFUSED",
        null,
        Map.of("code", code, "message", message));
    return ResponseEntity.status(status).body(new ImportError(code, message));
  }

  private static final class InvalidArchive extends RuntimeException {
    InvalidArchive(String message) {
      super(message, null, false, false);
    }
  }

  private static final class NotEmpty extends RuntimeException {
    NotEmpty(String status) {
      super(status, null, false, false);
    }
  }
}
