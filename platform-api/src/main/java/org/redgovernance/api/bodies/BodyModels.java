package org.redgovernance.api.bodies;

import static org.redgovernance.database.jooq.Tables.BODY_MEMBERSHIP;
import static org.redgovernance.database.jooq.Tables.BODY_TERM;
import static org.redgovernance.database.jooq.Tables.GOVERNANCE_BODY;

import java.util.List;
import java.util.function.Function;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.impl.DSL;
import org.redgovernance.api.readmodel.ModelRef;
import org.redgovernance.api.readmodel.ObjectModel;
import org.redgovernance.api.roster.RosterModels;
import org.redgovernance.database.jooq.tables.BodyMembership;
import org.redgovernance.database.jooq.tables.BodyTerm;
import org.redgovernance.database.jooq.tables.GovernanceBody;
import org.redgovernance.database.jooq.tables.PartyMember;
import org.redgovernance.database.jooq.tables.Resident;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code BodySeat} as the read model declares it, and the seats it adds to the roster's {@code
 * Resident} and {@code PartyMember}, newest term first. A seat is read only through those, so it
 * follows the roster's rule of who may see it.
 */
@Configuration(proxyBeanMethods = false)
class BodyModels {

  static final ModelRef<BodyMembership> SEATS = new ModelRef<>("BodySeat", BODY_MEMBERSHIP::as);

  @Bean
  ObjectModel<BodyMembership> bodySeatModel() {
    return ObjectModel.of(SEATS)
        .value("bodyKind", seat -> ofBody(seat, body -> body.KIND))
        .value("bodyName", seat -> ofBody(seat, body -> body.NAME))
        .value("termNumber", seat -> ofTerm(seat, term -> term.NUMBER))
        .value("position", seat -> seat.POSITION)
        .date("fromOn", seat -> seat.FROM_ON)
        .date("toOn", seat -> seat.TO_ON)
        .build();
  }

  @Bean
  ObjectModel<Resident> residentSeats() {
    return ObjectModel.extension(RosterModels.RESIDENTS)
        .list(
            "bodies",
            SEATS,
            (resident, seat) ->
                seat.COMMUNITY_ID.eq(resident.COMMUNITY_ID).and(seat.RESIDENT_ID.eq(resident.ID)),
            BodyModels::newestFirst)
        .build();
  }

  /** A member's seats: held as a party member, or as the resident they are. */
  @Bean
  ObjectModel<PartyMember> partyMemberSeats() {
    return ObjectModel.extension(RosterModels.PARTY_MEMBERS)
        .list(
            "bodies",
            SEATS,
            (member, seat) ->
                seat.COMMUNITY_ID
                    .eq(member.COMMUNITY_ID)
                    .and(
                        seat.PARTY_MEMBER_ID
                            .eq(member.ID)
                            .or(seat.RESIDENT_ID.eq(member.RESIDENT_ID))),
            BodyModels::newestFirst)
        .build();
  }

  private static List<OrderField<?>> newestFirst(BodyMembership seat) {
    return List.of(
        ofTerm(seat, term -> term.STARTS_ON).desc(), ofBody(seat, BodyRepository::kindOrder));
  }

  /** A value of the seat's term. */
  private static <V> Field<V> ofTerm(BodyMembership seat, Function<BodyTerm, Field<V>> value) {
    BodyTerm term = BODY_TERM.as("seat_term");
    return DSL.field(
        DSL.select(value.apply(term))
            .from(term)
            .where(term.COMMUNITY_ID.eq(seat.COMMUNITY_ID), term.ID.eq(seat.TERM_ID)));
  }

  /** A value of the body the seat's term belongs to. */
  private static <V> Field<V> ofBody(
      BodyMembership seat, Function<GovernanceBody, Field<V>> value) {
    BodyTerm term = BODY_TERM.as("seat_body_term");
    GovernanceBody body = GOVERNANCE_BODY.as("seat_body");
    return DSL.field(
        DSL.select(value.apply(body))
            .from(term)
            .join(body)
            .on(body.COMMUNITY_ID.eq(term.COMMUNITY_ID), body.ID.eq(term.BODY_ID))
            .where(term.COMMUNITY_ID.eq(seat.COMMUNITY_ID), term.ID.eq(seat.TERM_ID)));
  }
}
