package org.redgovernance.api.roster;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.redgovernance.api.audit.AuditLog;
import org.redgovernance.api.graphql.ApiException;
import org.redgovernance.api.graphql.ErrorCode;
import org.redgovernance.api.graphql.PageRows;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.redgovernance.database.PersonalDataCipher;
import org.springframework.stereotype.Component;

/**
 * Answers {@code phone} and {@code idCardNumber} for a batch of residents: masked for most roles,
 * unmasked for the community's admin and secretary — and then decrypted and recorded in the access
 * log in one write transaction, so that no unmasked value leaves without its record. Looking
 * residents up by an exact number uncovers the number just as well (a role that sees only masks
 * could otherwise confirm guesses until the mask is undone), so it is allowed only to those who may
 * see numbers unmasked, recorded the same way, and audited; both count against the caller's {@link
 * PersonalDataBudget}.
 */
@Component
class PersonalDataReader {

  private final TenantTransactions transactions;
  private final RosterRepository roster;
  private final PersonalDataCipher cipher;
  private final PersonalDataBudget budget;
  private final AuditLog audit;

  PersonalDataReader(
      TenantTransactions transactions,
      RosterRepository roster,
      PersonalDataCipher cipher,
      PersonalDataBudget budget,
      AuditLog audit) {
    this.transactions = transactions;
    this.roster = roster;
    this.cipher = cipher;
    this.budget = budget;
    this.audit = audit;
  }

  /**
   * The residents {@code query} finds by exact {@code fields}, for the community's admin and
   * secretary only; each found resident's looked-up fields are recorded as read unmasked, and the
   * lookup itself, matched or not, is an audit event.
   */
  PageRows<Resident> lookUp(
      AccessScope one, Set<PersonalField> fields, Function<DSLContext, PageRows<Resident>> query) {
    ReachableCommunity community = one.communities().get(0);
    if (!community.maySeePersonalData()) {
      throw new ApiException(
          ErrorCode.FORBIDDEN,
          "Only the community's admin and secretary look residents up by phone or ID-card number");
    }
    budget.charge(one, community, PersonalDataBudget.Use.LOOKUP, 1);
    return transactions.write(
        one,
        dsl -> {
          PageRows<Resident> found = query.apply(dsl);
          Map<UUID, UUID> read = new HashMap<>();
          found.rows().forEach(resident -> read.put(resident.id(), resident.communityId()));
          for (PersonalField field : fields) {
            roster.recordAccess(dsl, one.caller().userId(), read, field);
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
                  fields.stream().map(Enum::name).sorted().toList(),
                  "matched",
                  found.rows().size()));
          return found;
        });
  }

  Map<Resident, String> read(List<Resident> residents, PersonalField field, AccessScope scope) {
    Map<Resident, String> values = new LinkedHashMap<>();
    Map<UUID, UUID> unmasked = new HashMap<>();
    for (Resident resident : residents) {
      boolean needsPlain =
          scope
              .byId(resident.communityId())
              .map(ReachableCommunity::maySeePersonalData)
              .orElse(false);
      if (needsPlain) {
        unmasked.put(resident.id(), resident.communityId());
      }
      String masked =
          field == PersonalField.PHONE ? resident.phoneMasked() : resident.idCardMasked();
      if (masked != null) {
        values.put(resident, masked);
      }
    }
    if (!unmasked.isEmpty()) {
      ReachableCommunity first = scope.byId(unmasked.values().iterator().next()).orElseThrow();
      budget.charge(scope, first, PersonalDataBudget.Use.UNMASKED, unmasked.size());
      Map<UUID, byte[]> ciphers =
          transactions.write(
              scope,
              dsl -> {
                Map<UUID, byte[]> found = roster.ciphers(dsl, unmasked.keySet(), field);
                Map<UUID, UUID> read = new HashMap<>(unmasked);
                read.keySet().retainAll(found.keySet());
                roster.recordAccess(dsl, scope.caller().userId(), read, field);
                return found;
              });
      for (Resident resident : residents) {
        byte[] stored = ciphers.get(resident.id());
        if (stored != null) {
          values.put(resident, cipher.decrypt(stored));
        }
      }
    }
    return values;
  }
}
