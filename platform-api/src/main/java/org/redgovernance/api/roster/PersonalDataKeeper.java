package org.redgovernance.api.roster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.redgovernance.api.readmodel.Secret;
import org.redgovernance.api.readmodel.SecretKeeper;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.database.PersonalDataCipher;
import org.springframework.stereotype.Component;

/**
 * Reveals residents' phone and ID-card numbers in answers to the community's admin and secretary
 * (the read model has checked the role, {@link RosterModels}): each unmasked number counts against
 * the caller's {@link PersonalDataBudget} and is recorded in the access log in the answer's own
 * transaction — past the budget the whole answer is refused and nothing is recorded as read.
 */
@Component
class PersonalDataKeeper implements SecretKeeper {

  private final PersonalDataCipher cipher;
  private final PersonalDataBudget budget;
  private final RosterRepository roster;

  PersonalDataKeeper(
      PersonalDataCipher cipher, PersonalDataBudget budget, RosterRepository roster) {
    this.cipher = cipher;
    this.budget = budget;
    this.roster = roster;
  }

  @Override
  public Set<String> kinds() {
    return Set.of(PersonalField.PHONE.name(), PersonalField.ID_CARD.name());
  }

  @Override
  public List<String> reveal(DSLContext dsl, AccessScope scope, List<Secret> secrets) {
    ReachableCommunity first = scope.byId(secrets.get(0).communityId()).orElseThrow();
    budget.charge(scope, first, PersonalDataBudget.Use.UNMASKED, secrets.size());
    Map<PersonalField, Map<UUID, UUID>> read = new LinkedHashMap<>();
    List<String> plain = new ArrayList<>(secrets.size());
    for (Secret secret : secrets) {
      read.computeIfAbsent(PersonalField.valueOf(secret.kind()), field -> new LinkedHashMap<>())
          .put(secret.subjectId(), secret.communityId());
      plain.add(cipher.decrypt(secret.cipher()));
    }
    read.forEach(
        (field, residents) -> roster.recordAccess(dsl, scope.caller().userId(), residents, field));
    return plain;
  }
}
