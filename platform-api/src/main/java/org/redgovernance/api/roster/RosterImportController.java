package org.redgovernance.api.roster;

import java.io.IOException;
import java.util.Map;
import org.redgovernance.api.security.CallerFromToken;
import org.redgovernance.api.tenancy.AccessScopes;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /roster-imports}: files reach the API here, beside {@code /graphql}, as an ordinary
 * multipart upload (fields {@code community}, {@code dryRun}, {@code file}) with the same bearer
 * token. GraphQL has no standard file upload that every client supports; this one works from a
 * browser form, curl and any HTTP library.
 */
@RestController
class RosterImportController {

  private final RosterImport imports;
  private final AccessScopes scopes;

  RosterImportController(RosterImport imports, AccessScopes scopes) {
    this.imports = imports;
    this.scopes = scopes;
  }

  @PostMapping(path = "/roster-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<ImportReport> upload(
      @RequestParam("community") String community,
      @RequestParam(name = "dryRun", defaultValue = "true") boolean dryRun,
      @RequestParam("file") MultipartFile file,
      @AuthenticationPrincipal Jwt token)
      throws IOException {
    ImportReport report =
        imports.run(
            scopes.of(CallerFromToken.read(token)),
            community,
            file.getOriginalFilename(),
            file.getBytes(),
            dryRun);
    return ResponseEntity.ok(report);
  }

  @ExceptionHandler(RosterImport.Refused.class)
  ResponseEntity<Map<String, Object>> refused(RosterImport.Refused refused) {
    return ResponseEntity.status(refused.status)
        .body(
            Map.of(
                "code",
                refused.status == 404 ? "NOT_FOUND" : "FORBIDDEN",
                "message",
                refused.getMessage()));
  }
}
