package org.redgovernance.admin.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The console's static files: its scripts, styles and GraphQL documents from {@code
 * classpath:/console/} (documents in {@code documents/admin/} for tenant-admin and {@code
 * documents/platform/} for platform-api), and the platform's shared login ({@code
 * rg-web/oidc-pkce.js}) under {@code /console/lib/}. Revalidated on every load, so a deployment is
 * seen at once.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleResources implements WebMvcConfigurer {

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler("/console/lib/oidc-*.js")
        .addResourceLocations("classpath:/rg-web/")
        .setCacheControl(CacheControl.noCache());
    // a pattern's wildcard part is the file's path in its location
    registry
        .addResourceHandler("/console/*.js", "/console/*.css")
        .addResourceLocations("classpath:/console/")
        .setCacheControl(CacheControl.noCache());
    // the documents each service is sent: the very files registered for its persisted queries
    for (String service : new String[] {"admin", "platform"}) {
      registry
          .addResourceHandler("/console/documents/" + service + "/*.graphql")
          .addResourceLocations("classpath:/console/documents/" + service + "/")
          .setCacheControl(CacheControl.noCache());
    }
  }
}
