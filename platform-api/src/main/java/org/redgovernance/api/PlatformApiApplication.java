package org.redgovernance.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The GraphQL API that resident, staff and dashboard apps use. */
@SpringBootApplication
@EnableScheduling
public class PlatformApiApplication {

  public static void main(String[] args) {
    SpringApplication.run(PlatformApiApplication.class, args);
  }
}
