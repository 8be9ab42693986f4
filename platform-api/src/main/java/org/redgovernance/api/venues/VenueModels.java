package org.redgovernance.api.venues;

import static org.redgovernance.database.jooq.Tables.PARTNER_ORGANIZATION;
import static org.redgovernance.database.jooq.Tables.SERVICE_POST;

import java.util.List;
import org.redgovernance.api.communities.CommunityModels;
import org.redgovernance.api.readmodel.ModelRef;
import org.redgovernance.api.readmodel.ObjectModel;
import org.redgovernance.database.jooq.tables.Community;
import org.redgovernance.database.jooq.tables.PartnerOrganization;
import org.redgovernance.database.jooq.tables.ServicePost;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code ServicePost} and {@code PartnerOrganization} as the read model declares them. */
@Configuration(proxyBeanMethods = false)
class VenueModels {

  static final ModelRef<ServicePost> SERVICE_POSTS =
      new ModelRef<>("ServicePost", SERVICE_POST::as);

  static final ModelRef<PartnerOrganization> PARTNERS =
      new ModelRef<>("PartnerOrganization", PARTNER_ORGANIZATION::as);

  /**
   * What venues add to {@code Community}: its posts by kind, then name, and its partners by name.
   */
  @Bean
  ObjectModel<Community> communityVenues() {
    return ObjectModel.extension(CommunityModels.COMMUNITIES)
        .list(
            "servicePosts",
            SERVICE_POSTS,
            (community, post) -> post.COMMUNITY_ID.eq(community.ID),
            post -> List.of(post.KIND, post.NAME))
        .list(
            "partners",
            PARTNERS,
            (community, partner) -> partner.COMMUNITY_ID.eq(community.ID),
            partner -> List.of(partner.NAME))
        .build();
  }

  @Bean
  ObjectModel<ServicePost> servicePostModel() {
    return ObjectModel.of(SERVICE_POSTS)
        .id(post -> post.COMMUNITY_ID, post -> post.ID)
        .value("kind", post -> post.KIND)
        .value("name", post -> post.NAME)
        .value("address", post -> post.ADDRESS)
        .value("openingHours", post -> post.OPENING_HOURS)
        .value("capacity", post -> post.CAPACITY)
        .value("version", post -> post.VERSION)
        .build();
  }

  @Bean
  ObjectModel<PartnerOrganization> partnerModel() {
    return ObjectModel.of(PARTNERS)
        .id(partner -> partner.COMMUNITY_ID, partner -> partner.ID)
        .value("name", partner -> partner.NAME)
        .value("kind", partner -> partner.KIND)
        .value("contact", partner -> partner.CONTACT)
        .date("agreementFrom", partner -> partner.AGREEMENT_FROM)
        .date("agreementTo", partner -> partner.AGREEMENT_TO)
        .value("version", partner -> partner.VERSION)
        .build();
  }
}
