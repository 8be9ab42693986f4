package org.redgovernance.api.readmodel;

import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.ReachableCommunity;

/**
 * What must be written when a field is read with some arguments (a lookup of residents by phone
 * number is recorded and audited): written in the answer's own transaction, before its statement,
 * so that the answer never leaves without it.
 */
@FunctionalInterface
public interface ReadRecord {

  void write(DSLContext dsl, AccessScope scope);

  /**
   * Decides, while a field is compiled for one community, whether {@code scope}'s caller reading it
   * with {@code arguments} is recorded (the record) or not (empty); throws {@link
   * org.redgovernance.api.graphql.ApiException} to refuse the field, which then answers null with
   * that error at its path.
   */
  @FunctionalInterface
  interface Rule {
    Optional<ReadRecord> of(
        Map<String, Object> arguments, ReachableCommunity community, AccessScope scope);
  }
}
