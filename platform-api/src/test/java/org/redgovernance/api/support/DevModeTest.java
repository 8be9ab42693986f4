package org.redgovernance.api.support;

import org.springframework.test.context.TestPropertySource;

/**
 * The service as the dev profile runs it — introspection and GraphiQL on — in one application
 * context that every dev-mode test class shares.
 */
@TestPropertySource(
    properties = {"rg.graphql.introspection=true", "spring.graphql.graphiql.enabled=true"})
public abstract class DevModeTest extends IntegrationTest {}
