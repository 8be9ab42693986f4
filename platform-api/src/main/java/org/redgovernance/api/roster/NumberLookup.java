package org.redgovernance.api.roster;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.redgovernance.database.IdCardNumbers;
import org.redgovernance.database.PersonalDataCipher;
import org.redgovernance.database.PhoneNumbers;

/**
 * A residents filter's exact phone or ID-card number, looked up by keyed hash, never by plain value
 * ({@link RosterModels#withNumbers}). Who may look up, and the record of each lookup, is {@link
 * PersonalDataReader}'s.
 */
record NumberLookup(byte @Nullable [] phoneHash, byte @Nullable [] idCardHash) {

  /** The lookup in a residents {@code filter} argument (null: none). */
  static NumberLookup of(@Nullable Map<String, Object> filter, PersonalDataCipher cipher) {
    String phone = filter == null ? null : (String) filter.get("phone");
    String idCard = filter == null ? null : (String) filter.get("idCardNumber");
    return new NumberLookup(
        phone == null ? null : cipher.lookupHash(PhoneNumbers.normalize(phone)),
        idCard == null ? null : cipher.lookupHash(IdCardNumbers.normalize(idCard)));
  }

  /** The numbers looked up by. */
  Set<PersonalField> fields() {
    Set<PersonalField> fields = EnumSet.noneOf(PersonalField.class);
    if (phoneHash != null) {
      fields.add(PersonalField.PHONE);
    }
    if (idCardHash != null) {
      fields.add(PersonalField.ID_CARD);
    }
    return fields;
  }
}
