package org.redgovernance.api.venues;

import graphql.schema.DataFetchingEnvironment;
import org.redgovernance.api.communities.Community;
import org.redgovernance.api.readmodel.DeclaredFields;
import org.redgovernance.api.readmodel.GlobalIdParts;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Community.servicePosts} and {@code Community.partners} while the community itself is
 * resolved in Java: each list is the field {@link VenueModels} declares, in one statement.
 */
@Controller
class VenueController {

  private final DeclaredFields declared;

  VenueController(DeclaredFields declared) {
    this.declared = declared;
  }

  @SchemaMapping(typeName = Community.TYPE, field = "servicePosts")
  Object servicePosts(Community community, DataFetchingEnvironment environment) {
    return declared.answer(Community.TYPE, parts(community), environment);
  }

  @SchemaMapping(typeName = Community.TYPE, field = "partners")
  Object partners(Community community, DataFetchingEnvironment environment) {
    return declared.answer(Community.TYPE, parts(community), environment);
  }

  private static GlobalIdParts parts(Community community) {
    return new GlobalIdParts(community.id(), community.id());
  }
}
