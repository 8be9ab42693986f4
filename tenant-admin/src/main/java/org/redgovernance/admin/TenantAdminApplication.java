package org.redgovernance.admin;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The internal service that runs the tenant lifecycle and identity administration. It alone holds
 * the Keycloak service account and the right to write the tenant registry.
 */
@SpringBootApplication
@EnableScheduling
public class TenantAdminApplication {

  /**
   * Its configuration file is {@code tenant-admin.yaml}, not {@code application.yaml}, so that it
   * can share a JVM (and a classpath) with platform-api in the dev stack.
   */
  public static final String CONFIG_NAME = "tenant-admin";

  public static void main(String[] args) {
    start(args);
  }

  public static ConfigurableApplicationContext start(String... args) {
    return new SpringApplicationBuilder(TenantAdminApplication.class)
        .properties("spring.config.name=" + CONFIG_NAME)
        .run(args);
  }
}
