package org.redgovernance.api.roster;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an import found and did. {@code applied} is true only when every row passed and everything
 * was written in one transaction; otherwise nothing was written.
 */
record ImportReport(
    String community,
    boolean dryRun,
    boolean applied,
    int rows,
    Counts households,
    Counts residents,
    Counts partyMembers,
    List<Problem> problems,
    long millis) {

  /** New records, and records the file names that already exist (left as they are). */
  record Counts(int created, int existing) {}

  /** A problem with one cell or row ({@code row} 0: the file as a whole). */
  record Problem(int row, @Nullable String column, String code, String message) {}
}
