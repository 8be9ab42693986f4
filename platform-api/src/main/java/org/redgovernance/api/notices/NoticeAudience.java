package org.redgovernance.api.notices;

/** Who a notice is for. */
enum NoticeAudience {
  /** Every role of the community, residents included. */
  EVERYONE,
  /** Party members and staff. */
  PARTY_MEMBERS,
  /** Community staff (admin, secretary, committees) and street oversight. */
  STAFF
}
