package org.redgovernance.api.matters;

/** Who a matter is handed to: a governance body, a resident or a party member. */
enum AssigneeKind {
  BODY,
  RESIDENT,
  PARTY_MEMBER
}
