package org.redgovernance.api.graphql;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.converter.ResourceHttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphiQL for developers, dev only ({@code spring.graphql.graphiql.enabled}, {@code RG_GRAPHIQL}):
 * served whole by this service — the page, its script and GraphiQL's, React's and graphql-ws's
 * browser bundles from their webjars — so that it works offline and where no CDN is reachable. The
 * page logs in against the realm with the authorization-code flow and PKCE (client {@code rg-web}),
 * refreshes the token, sends it and the chosen community ({@code X-Community}) with every request
 * and in {@code connection_init} for subscriptions. Spring's own GraphiQL page, which loads from a
 * CDN, is never reached: this mapping comes first.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.graphql.graphiql.enabled", havingValue = "true")
class GraphiQlPage {

  private static final String WEBJARS = "META-INF/resources/webjars/";

  /** What the page may load, by the name it asks for: nothing else is served. */
  private static final Map<String, String> FILES =
      Map.of(
          "app.js", "dev-graphiql/app.js",
          "app.css", "dev-graphiql/app.css",
          "oidc-pkce.js", "rg-web/oidc-pkce.js",
          "graphiql.min.js", WEBJARS + "graphiql/2.4.7/graphiql.min.js",
          "graphiql.min.css", WEBJARS + "graphiql/2.4.7/graphiql.min.css",
          "react.production.min.js", WEBJARS + "react/18.3.1/umd/react.production.min.js",
          "react-dom.production.min.js",
              WEBJARS + "react-dom/18.3.1/umd/react-dom.production.min.js",
          "graphql-ws.min.js", WEBJARS + "graphql-ws/5.16.0/umd/graphql-ws.min.js");

  @Bean
  RouterFunctionMapping graphiQlRoutes(
      JsonMapper json,
      @Value("${rg.graphiql.issuer:${spring.security.oauth2.resourceserver.jwt.issuer-uri}}")
          String issuer,
      @Value("${rg.graphiql.client-id:rg-web}") String clientId,
      @Value("${spring.graphql.http.path:/graphql}") String graphQlPath) {
    Map<String, String> config =
        Map.of("issuer", issuer, "clientId", clientId, "graphqlPath", graphQlPath);
    String policy = policy(issuer);
    RouterFunction<ServerResponse> routes =
        RouterFunctions.route(
                RequestPredicates.GET("/graphiql"),
                request ->
                    ServerResponse.ok()
                        .contentType(MediaType.TEXT_HTML)
                        .cacheControl(CacheControl.noCache())
                        .header("Content-Security-Policy", policy)
                        .body(new ClassPathResource("dev-graphiql/index.html")))
            .andRoute(
                RequestPredicates.GET("/graphiql/config.json"),
                request ->
                    ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .cacheControl(CacheControl.noCache())
                        .body(config))
            .andRoute(
                RequestPredicates.GET("/graphiql/assets/{file}"),
                request -> {
                  String path = FILES.get(request.pathVariable("file"));
                  if (path == null) {
                    return ServerResponse.notFound().build();
                  }
                  Resource file = new ClassPathResource(path);
                  return ServerResponse.ok()
                      .contentType(
                          path.endsWith(".css")
                              ? MediaType.valueOf("text/css")
                              : MediaType.valueOf("text/javascript"))
                      .cacheControl(CacheControl.noCache())
                      .body(file);
                });
    RouterFunctionMapping mapping = new RouterFunctionMapping(routes);
    mapping.setOrder(Ordered.HIGHEST_PRECEDENCE);
    mapping.setMessageConverters(
        List.of(new ResourceHttpMessageConverter(), new JacksonJsonHttpMessageConverter(json)));
    return mapping;
  }

  /** Scripts and styles from here only; requests to here and to the identity provider. */
  private static String policy(String issuer) {
    String identityProvider = issuer.replaceAll("^(https?://[^/]+).*$", "$1");
    return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
        + " img-src 'self' data:; font-src 'self' data:; connect-src 'self' ws: wss: "
        + identityProvider
        + "; frame-ancestors 'none'; base-uri 'none'; form-action 'self' "
        + identityProvider;
  }
}
