package org.redgovernance.admin.identity;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Keycloak is healthy for tenant-admin when its service account can log in. */
@Component("keycloak")
class ServiceAccountHealthIndicator extends AbstractHealthIndicator {

  private final ServiceAccount account;

  ServiceAccountHealthIndicator(ServiceAccount account) {
    this.account = account;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    account.accessToken();
    builder.up().withDetail("serviceAccount", "rg-tenant-admin");
  }
}
