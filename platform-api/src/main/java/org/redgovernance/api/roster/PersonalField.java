package org.redgovernance.api.roster;

/** The protected fields of a resident. */
enum PersonalField {
  PHONE,
  ID_CARD
}
