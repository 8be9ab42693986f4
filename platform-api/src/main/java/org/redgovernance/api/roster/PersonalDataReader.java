package org.redgovernance.api.roster;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.redgovernance.api.audit.AuditLog;
import org.redgovernance.api.graphql.ApiException;
import org.redgovernance.api.graphql.ErrorCode;
import org.redgovernance.api.readmodel.ReadRecord;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.database.PersonalDataCipher;
import org.springframework.stereotype.Component;

/**
 * Lookups of residents by an exact phone or ID-card number. A lookup uncovers the number just as
 * well as reading it unmasked (a role that sees only masks could otherwise confirm guesses until
 * the mask is undone), so it is allowed only to those who may see numbers unmasked — the
 * community's admin and secretary — counts against the caller's {@link PersonalDataBudget} when the
 * field is compiled, and is recorded in the answer's transaction before its statement runs (a
 * {@link ReadRecord}): the looked-up number as read for every resident who has it, and the lookup
 * itself, matched or not, as an audit event.
 */
@Component
class PersonalDataReader {

  private final RosterRepository roster;
  private final PersonalDataCipher cipher;
  private final PersonalDataBudget budget;
  private final AuditLog audit;

  PersonalDataReader(
      RosterRepository roster,
      PersonalDataCipher cipher,
      PersonalDataBudget budget,
      AuditLog audit) {
    this.roster = roster;
    this.cipher = cipher;
    this.budget = budget;
    this.audit = audit;
  }

  /**
   * The record of reading residents with a {@code filter} argument that looks them up by number in
   * {@code community} (none when it does not), or the refusal: {@code FORBIDDEN} for a role that
   * sees only masks, {@code RATE_LIMITED} past the caller's budget.
   */
  Optional<ReadRecord> lookup(
      Map<String, Object> arguments, ReachableCommunity community, AccessScope scope) {
    @SuppressWarnings("unchecked")
    NumberLookup lookup = NumberLookup.of((Map<String, Object>) arguments.get("filter"), cipher);
    if (lookup.fields().isEmpty()) {
      return Optional.empty();
    }
    if (!community.maySeePersonalData()) {
      throw new ApiException(
          ErrorCode.FORBIDDEN,
          "Only the community's admin and secretary look residents up by phone or ID-card number");
    }
    AccessScope one = scope.narrowedTo(community);
    budget.charge(one, community, PersonalDataBudget.Use.LOOKUP, 1);
    return Optional.of(
        (dsl, answering) -> {
          Map<UUID, UUID> found = roster.residentsMatching(dsl, community.id(), lookup);
          for (PersonalField field : lookup.fields()) {
            roster.recordAccess(dsl, one.caller().userId(), found, field);
          }
          audit.record(
              dsl,
              one,
              community.id(),
              "personal-data.looked-up",
              "Community",
              community.id(),
              Map.of(
                  "fields",
                  lookup.fields().stream().map(Enum::name).sorted().toList(),
                  "matched",
                  found.size()));
        });
  }
}
