package org.redgovernance.api.roster;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.redgovernance.database.PersonalDataCipher;
import org.springframework.stereotype.Component;

/**
 * Answers {@code phone} and {@code idCardNumber} for a batch of residents: masked for most roles,
 * unmasked for the community's admin and secretary — and then decrypted and recorded in the access
 * log in one write transaction, so that no unmasked value leaves without its record.
 */
@Component
class PersonalDataReader {

  private final TenantTransactions transactions;
  private final RosterRepository roster;
  private final PersonalDataCipher cipher;

  PersonalDataReader(
      TenantTransactions transactions, RosterRepository roster, PersonalDataCipher cipher) {
    this.transactions = transactions;
    this.roster = roster;
    this.cipher = cipher;
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
