package org.redgovernance.api.rollout;

import java.io.IOException;
import java.util.Map;
import org.redgovernance.api.attachments.AttachedFiles;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.graphql.Refusal;
import org.redgovernance.api.security.CallerFromToken;
import org.redgovernance.api.tenancy.AccessScopes;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /rollout-evidence} (multipart: {@code participant}, the global ID of a community's
 * part in a project, and {@code file}) and {@code GET /rollout-evidence/{id}}, beside {@code
 * /graphql} with the same bearer token. {@code moveRolloutStage} files uploaded evidence with the
 * stage change it shows; {@code RolloutStageChange.evidence} and {@code
 * RolloutParticipant.evidence} list the files with these URLs.
 */
@RestController
class RolloutEvidenceController {

  /** Where the API serves the evidence, by its global ID. */
  static final String PATH = "/rollout-evidence/";

  private final RolloutEvidenceFiles files;
  private final AccessScopes scopes;

  RolloutEvidenceController(RolloutEvidenceFiles files, AccessScopes scopes) {
    this.files = files;
    this.scopes = scopes;
  }

  @PostMapping(path = "/rollout-evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Map<String, Object>> upload(
      @RequestParam("participant") String participant,
      @RequestParam("file") MultipartFile file,
      @AuthenticationPrincipal Jwt token)
      throws IOException {
    EvidenceFile evidence =
        files.attach(
            scopes.of(CallerFromToken.read(token)),
            participant,
            file.getOriginalFilename(),
            file.getBytes());
    String id = GlobalId.of(RolloutTypes.EVIDENCE, evidence.communityId(), evidence.id());
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            Map.of(
                "id", id,
                "fileName", evidence.fileName(),
                "contentType", evidence.contentType(),
                "size", evidence.size(),
                "url", PATH + id));
  }

  @GetMapping("/rollout-evidence/{id}")
  ResponseEntity<InputStreamResource> download(
      @PathVariable String id, @AuthenticationPrincipal Jwt token) {
    return files
        .download(scopes.of(CallerFromToken.read(token)), id)
        .map(
            file ->
                AttachedFiles.sent(
                    file.evidence().fileName(),
                    file.evidence().contentType(),
                    file.evidence().size(),
                    file.content(),
                    CacheControl.noStore()))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  @ExceptionHandler(Refusal.class)
  ResponseEntity<Map<String, Object>> refused(Refusal refusal) {
    return AttachedFiles.refused(refusal);
  }
}
