package org.redgovernance.monitoring;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointWebExtension;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /actuator/health} and its groups on the service's own port, as before the actuator moved
 * to the management port ({@code RG_MANAGEMENT_PORT}: platform-api 9080, tenant-admin 9081): load
 * balancers, the dev stack and scripts that ask here keep working. Deprecated: ask the management
 * port, or {@code /livez} and {@code /readyz} here.
 */
@RestController // a handler by its annotation; made a bean by SharedMonitoringConfiguration
class HealthOnTheServerPort {

  private static final String PREFIX = "/actuator/health";

  private final HealthEndpointWebExtension health;

  HealthOnTheServerPort(HealthEndpointWebExtension health) {
    this.health = health;
  }

  @GetMapping({PREFIX, PREFIX + "/**"})
  ResponseEntity<HealthDescriptor> health(HttpServletRequest request) {
    String[] path =
        Arrays.stream(request.getRequestURI().substring(PREFIX.length()).split("/"))
            .filter(segment -> !segment.isEmpty())
            .toArray(String[]::new);
    WebEndpointResponse<HealthDescriptor> answer =
        health.health(ApiVersion.LATEST, WebServerNamespace.MANAGEMENT, SecurityContext.NONE, path);
    return answer.getBody() == null
        ? ResponseEntity.status(answer.getStatus()).build()
        : ResponseEntity.status(answer.getStatus())
            .contentType(MediaType.parseMediaType("application/vnd.spring-boot.actuator.v3+json"))
            .body(answer.getBody());
  }
}
