package org.redgovernance.api.readmodel;

import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.redgovernance.api.tenancy.AccessScope;

/**
 * The feature that keeps secrets of some kinds reveals them to a caller the read model has already
 * found allowed ({@link ObjectModel.Builder#secret}): it decrypts them, and records in the same
 * transaction that the caller read them, so that no plain value leaves without its record. It may
 * refuse the whole answer (a budget exceeded) by throwing; the transaction, its records included,
 * is then rolled back.
 *
 * <p>A keeper of values only Java may compute ({@link ObjectModel.Builder#computed}: a signed link)
 * is asked the same way, with the computation's input as its cipher; it reads and writes nothing
 * ({@link #computesOnly}), so it fills the slots of a read sent outside any transaction too.
 */
public interface SecretKeeper {

  /** The kinds of {@link Secret} this keeper reveals. */
  Set<String> kinds();

  /**
   * The plain values of {@code secrets} (all of this keeper's kinds), in their order, each recorded
   * as read by {@code scope}'s caller through {@code dsl}, the answer's write transaction.
   */
  List<String> reveal(DSLContext dsl, AccessScope scope, List<Secret> secrets);

  /**
   * Whether this keeper only computes its values in Java, with no statement and no record: then
   * {@code dsl} may be outside any transaction, as it is for a read that reveals nothing.
   */
  default boolean computesOnly() {
    return false;
  }
}
