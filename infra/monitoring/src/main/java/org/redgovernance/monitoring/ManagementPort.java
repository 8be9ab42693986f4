package org.redgovernance.monitoring;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.env.Environment;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Requests that came in on the management port (health, Prometheus metrics), when it is not the
 * service's own: each service's security lets them in without a token, because Prometheus scrapes
 * without one and the network keeps the port from the public (infra/deploy's NetworkPolicies). The
 * port is known once the servers run, and read once: looking it up in the environment on every
 * request cost as much as a small read's own work.
 */
public final class ManagementPort implements RequestMatcher {

  private final Environment environment;
  private volatile int port;

  public ManagementPort(Environment environment) {
    this.environment = environment;
  }

  @Override
  public boolean matches(HttpServletRequest request) {
    int management = port;
    if (management == 0) {
      Integer bound = environment.getProperty("local.management.port", Integer.class);
      Integer server = environment.getProperty("local.server.port", Integer.class);
      if (bound == null || server == null) {
        return false;
      }
      management = bound.equals(server) ? -1 : bound;
      port = management;
    }
    return request.getLocalPort() == management;
  }
}
