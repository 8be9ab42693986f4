package org.redgovernance.api.matters;

/** How a matter reached the community. */
public enum MatterSource {
  /** Raised by the resident, in person at 居民说事 or through the app. */
  RESIDENT_TALK,
  /** Found by the grid worker on a patrol. */
  GRID_PATROL,
  /** Raised at a meeting. */
  MEETING,
  /** Phoned in to the community's hotline. */
  HOTLINE,
  /** Found in a self-inspection or supervision round. */
  INSPECTION;

  /** Staff may record these without naming a resident as the reporter. */
  boolean foundByStaff() {
    return this == GRID_PATROL || this == INSPECTION || this == MEETING;
  }
}
