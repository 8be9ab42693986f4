package org.redgovernance.api.viewer;

import org.redgovernance.api.readmodel.AnsweredInJava;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the read model is told of the viewer's types: they are the caller, not rows. */
@Configuration(proxyBeanMethods = false)
class ViewerModels {

  @Bean
  AnsweredInJava viewerTypes() {
    return AnsweredInJava.types(
        "who is calling: the token's claims and the communities they reach, no row of the"
            + " database (the reachable communities are declared Community objects)",
        "Viewer",
        "StreetRoleGrant",
        "CommunityRoleGrant");
  }
}
