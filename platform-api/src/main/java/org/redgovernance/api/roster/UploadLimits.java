package org.redgovernance.api.roster;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the size limit is refused while the request is still being read, before any
 * controller runs; this answers it in the same shape as an import report's problems.
 */
@RestControllerAdvice
class UploadLimits {

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
        .body(
            Map.of(
                "code", "FILE_TOO_LARGE",
                "message", "Files of at most 5 MB are accepted",
                "problems", List.of()));
  }
}
