package org.redgovernance.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.redgovernance.graphql.PersistedQueries;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointWebExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The monitoring both services do alike, imported by each; the settings have the same names in
 * both. Each service still says in its own settings which port the actuator answers on ({@code
 * management.server.port}) and lets that port in ({@link ManagementPort}).
 */
@Configuration(proxyBeanMethods = false)
public class SharedMonitoringConfiguration {

  /** A line per request that failed or was slow ({@link RequestLog}). */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 1)
  RequestLog requestLog(
      @Value("${rg.logs.pseudonym-key:}") String pseudonymKey,
      @Value("${rg.logs.every-request:false}") boolean everyRequest,
      @Value("${rg.logs.slow-request:PT1S}") Duration slow) {
    return new RequestLog(pseudonymKey, everyRequest, slow);
  }

  /** The operations by name and outcome, their errors by code, open subscriptions. */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 1)
  OperationMetrics operationMetrics(
      MeterRegistry registry,
      PersistedQueries persistedQueries,
      @Value("${rg.monitoring.max-operation-names:200}") int maxNames) {
    return new OperationMetrics(registry, persistedQueries.registeredOperationNames(), maxNames);
  }

  /** When each scheduled job last completed without an error. */
  @Bean
  JobMetrics jobMetrics(MeterRegistry registry) {
    return new JobMetrics(registry);
  }

  /** A span per SQL statement of a sampled trace, a child of the request's or job's. */
  @Bean
  StatementObservations statementObservations(
      ObservationRegistry registry, ObjectProvider<Tracer> tracer) {
    return new StatementObservations(registry, tracer.getIfAvailable());
  }

  @Bean
  ExecuteListenerProvider sqlStatementObserving(StatementObservations observations) {
    return new DefaultExecuteListenerProvider(observations);
  }

  /** {@code /actuator/health} on the service's own port too (deprecated there). */
  @Bean
  HealthOnTheServerPort healthOnTheServerPort(HealthEndpointWebExtension health) {
    return new HealthOnTheServerPort(health);
  }
}
