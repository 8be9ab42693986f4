package org.redgovernance.api.bodies;

import static org.redgovernance.database.jooq.Tables.BODY_MEMBERSHIP;
import static org.redgovernance.database.jooq.Tables.BODY_TERM;
import static org.redgovernance.database.jooq.Tables.COMMUNITY;
import static org.redgovernance.database.jooq.Tables.GOVERNANCE_BODY;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.Record3;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.redgovernance.api.communities.CommunityModels;
import org.redgovernance.api.readmodel.InCommunities;
import org.redgovernance.api.readmodel.JsonSql;
import org.redgovernance.api.readmodel.ModelRef;
import org.redgovernance.api.readmodel.ObjectModel;
import org.redgovernance.api.readmodel.ReadRequest;
import org.redgovernance.api.roster.RosterModels;
import org.redgovernance.database.jooq.tables.BodyMembership;
import org.redgovernance.database.jooq.tables.BodyTerm;
import org.redgovernance.database.jooq.tables.Community;
import org.redgovernance.database.jooq.tables.GovernanceBody;
import org.redgovernance.database.jooq.tables.PartyMember;
import org.redgovernance.database.jooq.tables.Resident;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The five governance bodies (五家) as the read model declares them — {@code GovernanceBody}, its
 * terms and members, the figures the street office compares — and the seats they add to the
 * roster's {@code Resident} and {@code PartyMember}. Every role of a community reads its bodies;
 * who sits where is read by name through the roster's published functions ({@link RosterModels}).
 * "Today" (a term running, a member sitting) is the request's one clock, in the communities' zone.
 */
@Configuration(proxyBeanMethods = false)
class BodyModels {

  static final String BODY_TYPE = "GovernanceBody";

  static final ModelRef<GovernanceBody> BODIES = new ModelRef<>(BODY_TYPE, GOVERNANCE_BODY::as);
  static final ModelRef<BodyTerm> TERMS = new ModelRef<>("BodyTerm", BODY_TERM::as);
  static final ModelRef<BodyMembership> MEMBERS = new ModelRef<>("BodyMember", BODY_MEMBERSHIP::as);
  static final ModelRef<BodyMembership> SEATS = new ModelRef<>("BodySeat", BODY_MEMBERSHIP::as);
  static final ModelRef<GovernanceBody> BODY_FIGURES =
      new ModelRef<>("BodyFigures", GOVERNANCE_BODY::as);
  static final ModelRef<Community> COMMUNITY_FIGURES =
      new ModelRef<>("CommunityFigures", COMMUNITY::as);

  /** The party members of each kind a community counts, in the order the schema lists them. */
  static final ModelRef<Table<Record3<UUID, String, Integer>>> KIND_COUNTS =
      new ModelRef<>("PartyMemberKindCount", BodyModels::kindCounts);

  @Bean
  ObjectModel<GovernanceBody> governanceBodyModel() {
    return ObjectModel.of(BODIES)
        .rows((body, request) -> InCommunities.inScope(body.COMMUNITY_ID, request.scope()))
        .id(body -> body.COMMUNITY_ID, body -> body.ID)
        .value("kind", body -> body.KIND)
        .value("name", body -> body.NAME)
        .object(
            "currentTerm",
            TERMS,
            (body, term, request) -> termOf(body, term).and(running(term, request.today())))
        .list("terms", TERMS, BodyModels::termOf, term -> List.of(term.NUMBER.desc()))
        .reference(
            "figures",
            BODY_FIGURES,
            figures -> List.of(figures.COMMUNITY_ID, figures.ID),
            body -> List.of(body.COMMUNITY_ID, body.ID))
        .build();
  }

  @Bean
  ObjectModel<BodyTerm> bodyTermModel() {
    return ObjectModel.of(TERMS)
        .value("number", term -> term.NUMBER)
        .date("startsOn", term -> term.STARTS_ON)
        .date("endsOn", term -> term.ENDS_ON)
        .value("current", (term, request) -> DSL.field(running(term, request.today())))
        .list(
            "members",
            MEMBERS,
            (term, member) ->
                member.COMMUNITY_ID.eq(term.COMMUNITY_ID).and(member.TERM_ID.eq(term.ID)),
            member -> List.of(positionOrder(member), member.ID))
        .build();
  }

  @Bean
  ObjectModel<BodyMembership> bodyMemberModel() {
    return ObjectModel.of(MEMBERS)
        .value(
            "personId",
            member ->
                DSL.when(
                        member.RESIDENT_ID.isNotNull(),
                        JsonSql.globalId(
                            RosterModels.RESIDENTS.typeName(),
                            member.COMMUNITY_ID,
                            member.RESIDENT_ID))
                    .otherwise(
                        JsonSql.globalId(
                            RosterModels.PARTY_MEMBERS.typeName(),
                            member.COMMUNITY_ID,
                            member.PARTY_MEMBER_ID)))
        .value(
            "name",
            member ->
                RosterModels.personName(
                    member.COMMUNITY_ID, member.RESIDENT_ID, member.PARTY_MEMBER_ID))
        .value("position", member -> member.POSITION)
        .date("fromOn", member -> member.FROM_ON)
        .date("toOn", member -> member.TO_ON)
        .value("partyMember", member -> DSL.field(isParty(member)))
        .build();
  }

  @Bean
  ObjectModel<GovernanceBody> bodyFiguresModel() {
    return ObjectModel.of(BODY_FIGURES)
        .value("kind", body -> body.KIND)
        .value("members", (body, request) -> sittingToday(body, request, false))
        .value("partyMembers", (body, request) -> sittingToday(body, request, true))
        .value(
            "partyShare",
            (body, request) ->
                share(sittingToday(body, request, true), sittingToday(body, request, false)))
        .build();
  }

  @Bean
  ObjectModel<Community> communityFiguresModel() {
    return ObjectModel.of(COMMUNITY_FIGURES)
        .rows((community, request) -> InCommunities.inScope(community.ID, request.scope()))
        .value("households", community -> RosterModels.households(community.ID))
        .value("residents", community -> RosterModels.residentsLivingThere(community.ID))
        .value("partyMembers", community -> RosterModels.activePartyMembers(community.ID, null))
        .list(
            "partyMembersByKind",
            KIND_COUNTS,
            (community, count) -> count.field("community_id", UUID.class).eq(community.ID),
            count -> List.of(count.field("position", Integer.class)))
        .value(
            "householdsWithPartyMember",
            community -> RosterModels.householdsWithPartyMember(community.ID))
        .value(
            "partyMemberHouseholdShare",
            community ->
                share(
                    RosterModels.householdsWithPartyMember(community.ID),
                    RosterModels.households(community.ID)))
        .list(
            "bodies",
            BODY_FIGURES,
            (community, body) -> body.COMMUNITY_ID.eq(community.ID),
            body -> List.of(BodyRepository.kindOrder(body)))
        .build();
  }

  @Bean
  ObjectModel<Table<Record3<UUID, String, Integer>>> kindCountModel() {
    return ObjectModel.of(KIND_COUNTS)
        .value("kind", count -> count.field("kind", String.class))
        .value(
            "count",
            count ->
                RosterModels.activePartyMembers(
                    count.field("community_id", UUID.class), count.field("kind", String.class)))
        .build();
  }

  /** What bodies add to {@code Community}: the bodies, party branch first, and the figures. */
  @Bean
  ObjectModel<Community> communityBodies() {
    return ObjectModel.extension(CommunityModels.COMMUNITIES)
        .list(
            "bodies",
            BODIES,
            (community, body) -> body.COMMUNITY_ID.eq(community.ID),
            body -> List.of(BodyRepository.kindOrder(body)))
        .reference(
            "figures",
            COMMUNITY_FIGURES,
            figures -> List.of(figures.ID),
            community -> List.of(community.ID))
        .build();
  }

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

  // --- rules of terms and seats

  private static Condition termOf(GovernanceBody body, BodyTerm term) {
    return term.COMMUNITY_ID.eq(body.COMMUNITY_ID).and(term.BODY_ID.eq(body.ID));
  }

  /** Whether the term runs on {@code today}: the one rule of reads and seating alike. */
  static Condition running(BodyTerm term, LocalDate today) {
    return DSL.val(today).between(term.STARTS_ON, term.ENDS_ON);
  }

  /** A member is a party member: seated as one, or a resident with an active membership. */
  private static Condition isParty(BodyMembership member) {
    return member
        .PARTY_MEMBER_ID
        .isNotNull()
        .or(RosterModels.isActivePartyMember(member.COMMUNITY_ID, member.RESIDENT_ID));
  }

  /** How many sit on the body today, in its term running today: all, or the party members. */
  private static Field<Integer> sittingToday(
      GovernanceBody body, ReadRequest request, boolean partyOnly) {
    BodyTerm term = BODY_TERM.as("sitting_term");
    BodyMembership member = BODY_MEMBERSHIP.as("sitting_member");
    Field<LocalDate> today = DSL.val(request.today());
    return DSL.field(
        DSL.selectCount()
            .from(member)
            .join(term)
            .on(term.COMMUNITY_ID.eq(member.COMMUNITY_ID), term.ID.eq(member.TERM_ID))
            .where(
                termOf(body, term),
                running(term, request.today()),
                member.FROM_ON.le(today),
                member.TO_ON.isNull().or(member.TO_ON.ge(today)),
                partyOnly ? isParty(member) : DSL.noCondition()));
  }

  /**
   * How many sit today, in the terms running today, on the community's bodies of {@code kind}: all,
   * or the party members (the catalogue's party share per body).
   */
  static Field<Integer> sittingOnKind(
      Field<UUID> community, String kind, LocalDate today, boolean partyOnly) {
    GovernanceBody body = GOVERNANCE_BODY.as("kind_body");
    BodyTerm term = BODY_TERM.as("kind_term");
    BodyMembership member = BODY_MEMBERSHIP.as("kind_member");
    Field<LocalDate> day = DSL.val(today);
    return DSL.field(
        DSL.selectCount()
            .from(member)
            .join(term)
            .on(term.COMMUNITY_ID.eq(member.COMMUNITY_ID), term.ID.eq(member.TERM_ID))
            .join(body)
            .on(body.COMMUNITY_ID.eq(term.COMMUNITY_ID), body.ID.eq(term.BODY_ID))
            .where(
                body.COMMUNITY_ID.eq(community),
                body.KIND.eq(kind),
                running(term, today),
                member.FROM_ON.le(day),
                member.TO_ON.isNull().or(member.TO_ON.ge(day)),
                partyOnly ? isParty(member) : DSL.noCondition()));
  }

  /** {@code part / whole} as a Float, 0 when the whole is. */
  private static Field<Double> share(Field<Integer> part, Field<Integer> whole) {
    return DSL.when(whole.eq(0), DSL.inline(0.0))
        .otherwise(part.cast(SQLDataType.DOUBLE).div(whole.cast(SQLDataType.DOUBLE)));
  }

  private static Field<Integer> positionOrder(BodyMembership member) {
    return DSL.case_(member.POSITION)
        .when("CHAIR", 1)
        .when("VICE_CHAIR", 2)
        .when("SECRETARY", 3)
        .else_(4);
  }

  private static Table<Record3<UUID, String, Integer>> kindCounts(String alias) {
    Table<?> kinds =
        DSL.values(DSL.row("REGISTERED", 1), DSL.row("IN_SERVICE", 2), DSL.row("SILVER", 3))
            .as("kinds", "kind", "position");
    return DSL.select(
            COMMUNITY.ID.as("community_id"),
            kinds.field("kind", String.class),
            kinds.field("position", Integer.class))
        .from(COMMUNITY)
        .crossJoin(kinds)
        .asTable(alias);
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
