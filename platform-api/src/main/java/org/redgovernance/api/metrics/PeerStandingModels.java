package org.redgovernance.api.metrics;

import static org.redgovernance.api.metrics.StreetComparisonModels.column;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.redgovernance.api.communities.CommunityModels;
import org.redgovernance.api.readmodel.ModelRef;
import org.redgovernance.api.readmodel.ObjectModel;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.database.jooq.tables.Community;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code Community.standing}: where a community stands among its street's communities, for its own
 * staff as well as the street, who may not read the other communities' snapshots: its rank, how
 * many are ranked, and the street's median and quartiles only when at least five are ranked, from
 * the same ranking as {@code streetComparison} (the database's {@code rg.peer_standings}, over the
 * view {@code rg.metric_standing}).
 */
@Configuration(proxyBeanMethods = false)
class PeerStandingModels {

  static final ModelRef<Table<Record>> PEERS =
      new ModelRef<>("PeerStanding", alias -> DSL.table("rg.peer_standings()").as(alias));

  @Bean
  ObjectModel<Table<Record>> peerStandingModel() {
    return ObjectModel.of(PEERS)
        .reference(
            "metric",
            MetricModels.METRICS,
            metric -> List.of(metric.KEY),
            peer -> List.of(column(peer, "metric_key", String.class)))
        .date("day", peer -> column(peer, "day", LocalDate.class))
        .value("value", peer -> column(peer, "value", Double.class))
        .value("sample", peer -> column(peer, "sample", Integer.class))
        .value("sufficient", peer -> column(peer, "sufficient", Boolean.class))
        .value("rank", peer -> column(peer, "rank", Integer.class))
        .value("ranked", peer -> column(peer, "ranked", Integer.class))
        .value("median", peer -> column(peer, "median", Double.class))
        .value("lowerQuartile", peer -> column(peer, "lower_quartile", Double.class))
        .value("upperQuartile", peer -> column(peer, "upper_quartile", Double.class))
        .build();
  }

  @Bean
  ObjectModel<Community> communityStanding() {
    return ObjectModel.extension(CommunityModels.COMMUNITIES)
        .list(
            "standing",
            PEERS,
            (community, peer) -> column(peer, "community_id", UUID.class).eq(community.ID),
            peer ->
                List.of(
                    DSL.field(
                        "(SELECT m.position FROM rg.metric m WHERE m.key = {0})",
                        Integer.class, column(peer, "metric_key", String.class))))
        .readableIf(
            "standing",
            ReachableCommunity::staffOrOverseen,
            "Only the community's staff and the street office read its metrics")
        .build();
  }
}
