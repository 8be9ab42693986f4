package org.redgovernance.api.attachments;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * An upload or download the attachment store failed ({@link StoreUnavailable}) is answered 503 with
 * {@code UNAVAILABLE} and {@code Retry-After}, in the shape of the other refusals of the file
 * endpoints, and logged for the operator: a full disk or a read-only folder needs a person.
 */
@RestControllerAdvice
class UnavailableStoreAnswer {

  private static final Logger log = LoggerFactory.getLogger(UnavailableStoreAnswer.class);

  @ExceptionHandler(StoreUnavailable.class)
  ResponseEntity<Map<String, Object>> unavailable(StoreUnavailable failure) {
    // keys are made of ids only, and the cause names the folder and the reason (disk full …)
    log.error("{}", failure.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, Integer.toString(StoreUnavailable.RETRY_AFTER_SECONDS))
        .body(
            Map.of(
                "code",
                "UNAVAILABLE",
                "message",
                "Files cannot be stored or read right now; nothing was kept, try again later",
                "retryAfterSeconds",
                StoreUnavailable.RETRY_AFTER_SECONDS));
  }
}
