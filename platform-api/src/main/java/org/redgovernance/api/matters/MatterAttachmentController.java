package org.redgovernance.api.matters;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
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
 * {@code POST /matter-attachments} (multipart: {@code matter}, the matter's global ID, and {@code
 * file}) and {@code GET /matter-attachments/{id}}, beside {@code /graphql} like roster imports and
 * with the same bearer token. {@code Matter.attachments} lists a matter's files with these URLs,
 * and with signed links that need no token ({@link AttachmentLinks}).
 */
@RestController
class MatterAttachmentController {

  private final MatterAttachments attachments;
  private final AccessScopes scopes;
  private final AttachmentLinks links;

  MatterAttachmentController(
      MatterAttachments attachments, AccessScopes scopes, AttachmentLinks links) {
    this.attachments = attachments;
    this.scopes = scopes;
    this.links = links;
  }

  @PostMapping(path = "/matter-attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Map<String, Object>> upload(
      @RequestParam("matter") String matter,
      @RequestParam("file") MultipartFile file,
      @AuthenticationPrincipal Jwt token)
      throws IOException {
    MatterAttachment attached =
        attachments.attach(
            scopes.of(CallerFromToken.read(token)),
            matter,
            file.getOriginalFilename(),
            file.getBytes());
    String id = GlobalId.of(MatterTypes.ATTACHMENT, attached.communityId(), attached.id());
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            Map.of(
                "id", id,
                "fileName", attached.fileName(),
                "contentType", attached.contentType(),
                "size", attached.size(),
                "url", AttachmentLinks.PATH + id));
  }

  @GetMapping("/matter-attachments/{id}")
  ResponseEntity<InputStreamResource> download(
      @PathVariable String id, @AuthenticationPrincipal Jwt token) {
    return attachments
        .download(scopes.of(CallerFromToken.read(token)), id)
        .map(file -> sent(file, CacheControl.noStore()))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  /**
   * The same file through a signed link ({@code MatterAttachment.signedUrl}), without a token; an
   * expired, altered or foreign link is 404, like a file that does not exist. The browser may keep
   * the file until the link expires.
   */
  @GetMapping(path = "/matter-attachments/{id}", params = "signature")
  ResponseEntity<InputStreamResource> downloadLinked(
      @PathVariable String id,
      @RequestParam(name = "expires", defaultValue = "") String expiresText,
      @RequestParam("signature") String signature) {
    Instant now = Instant.now();
    long expires = expiresText.matches("\\d{1,12}") ? Long.parseLong(expiresText) : 0;
    if (!links.valid(id, expires, signature, now)) {
      return ResponseEntity.notFound().build();
    }
    return GlobalId.decode(id, MatterTypes.ATTACHMENT)
        .flatMap(attachments::downloadLinked)
        .map(
            file ->
                sent(
                    file,
                    CacheControl.maxAge(Duration.ofSeconds(expires - now.getEpochSecond()))
                        .cachePrivate()))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  private static ResponseEntity<InputStreamResource> sent(
      MatterAttachments.Download file, CacheControl cache) {
    return AttachedFiles.sent(
        file.attachment().fileName(),
        file.attachment().contentType(),
        file.attachment().size(),
        file.content(),
        cache);
  }

  @ExceptionHandler(Refusal.class)
  ResponseEntity<Map<String, Object>> refused(Refusal refusal) {
    return AttachedFiles.refused(refusal);
  }
}
