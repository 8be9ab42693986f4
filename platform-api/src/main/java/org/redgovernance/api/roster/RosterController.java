package org.redgovernance.api.roster;

import graphql.schema.DataFetchingEnvironment;
import java.util.UUID;
import org.redgovernance.api.communities.Community;
import org.redgovernance.api.readmodel.DeclaredFields;
import org.redgovernance.api.readmodel.GlobalIdParts;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The roster's connections on a {@code Community} resolved in Java: each compiled by the read model
 * ({@link RosterModels}) against the community's row, in one statement whatever is selected below
 * it.
 */
@Controller
class RosterController {

  private final DeclaredFields declared;

  RosterController(DeclaredFields declared) {
    this.declared = declared;
  }

  @SchemaMapping(typeName = Community.TYPE)
  Object grids(Community community, DataFetchingEnvironment environment) {
    return declared.answer(Community.TYPE, parts(community), environment);
  }

  @SchemaMapping(typeName = Community.TYPE)
  Object buildings(Community community, DataFetchingEnvironment environment) {
    return declared.answer(Community.TYPE, parts(community), environment);
  }

  @SchemaMapping(typeName = Community.TYPE)
  Object households(Community community, DataFetchingEnvironment environment) {
    return declared.answer(Community.TYPE, parts(community), environment);
  }

  @SchemaMapping(typeName = Community.TYPE)
  Object residents(Community community, DataFetchingEnvironment environment) {
    return declared.answer(Community.TYPE, parts(community), environment);
  }

  @SchemaMapping(typeName = Community.TYPE)
  Object partyMembers(Community community, DataFetchingEnvironment environment) {
    return declared.answer(Community.TYPE, parts(community), environment);
  }

  private static GlobalIdParts parts(Community community) {
    UUID id = community.id();
    return new GlobalIdParts(id, id);
  }
}
