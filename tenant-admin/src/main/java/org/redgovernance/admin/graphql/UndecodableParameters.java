package org.redgovernance.admin.graphql;

import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A query parameter that is not UTF-8 (a lone surrogate's bytes, a cut-off sequence) is the
 * caller's mistake: {@code 400 INVALID_INPUT}, as for any other text tenant-admin cannot take, not
 * Tomcat's untyped answer and an error in the log. Nothing is read or changed.
 */
@RestControllerAdvice
class UndecodableParameters {

  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<Map<String, String>> undecodable(InvalidParameterException e) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST)
        .body(Map.of("code", "INVALID_INPUT", "message", "A query parameter is not UTF-8 text"));
  }
}
