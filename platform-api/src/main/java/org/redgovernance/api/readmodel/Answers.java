package org.redgovernance.api.readmodel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.springframework.stereotype.Component;

/**
 * Runs compiled reads in the caller's tenant transaction. A read that may reveal secrets, or whose
 * reading is recorded ({@link ReadRecord}), runs in a write transaction: the records are written
 * first, then the {@link SecretKeeper}s decrypt what the answer holds and record the reading in it,
 * so that the values and their records leave together or not at all.
 */
@Component
public class Answers {

  private final TenantTransactions transactions;
  private final ReadModel model;
  private final Map<String, SecretKeeper> keepers = new HashMap<>();
  private final DSLContext dsl;

  Answers(
      DSLContext dsl,
      TenantTransactions transactions,
      ReadModel model,
      List<SecretKeeper> keepers) {
    this.dsl = dsl;
    this.transactions = transactions;
    this.model = model;
    for (SecretKeeper keeper : keepers) {
      for (String kind : keeper.kinds()) {
        if (this.keepers.put(kind, keeper) != null) {
          throw new IllegalStateException("Two keepers of the secrets " + kind);
        }
      }
    }
  }

  /** The answer of a read that always writes one value (a list, a connection, a field). */
  public RenderedJson one(Compiled compiled, AccessScope scope) {
    return optional(compiled, scope)
        .orElseThrow(() -> new IllegalStateException("a compiled read answered no row"));
  }

  /** The answer of a read of one object: none when the object is not there for the caller. */
  public Optional<RenderedJson> optional(Compiled compiled, AccessScope scope) {
    return written(compiled, scope)
        .map(written -> rendered(written, compiled.marked(), compiled.deferrals(), scope));
  }

  /**
   * {@link #optional}, in a transaction the caller runs already ({@code dsl}): a mutation reading
   * back what it changed. Its records are written, and its secrets revealed, in that transaction.
   */
  public Optional<RenderedJson> optionalIn(DSLContext dsl, Compiled compiled, AccessScope scope) {
    return recordedAndRevealed(dsl, compiled.records(), scope, d -> fetched(d, compiled, false))
        .stream()
        .findFirst()
        .map(json -> rendered(json, compiled.marked(), compiled.deferrals(), scope));
  }

  /**
   * {@link #optionalIn} as the last work of the transaction: when the answer records, reveals and
   * defers nothing, nothing follows it in the transaction, and its commit goes in the read's round
   * trip ({@link TenantTransactions#readIn}).
   */
  public Optional<RenderedJson> lastIn(DSLContext dsl, Compiled compiled, AccessScope scope) {
    if (!compiled.statementOnly()) {
      return optionalIn(dsl, compiled, scope);
    }
    return fetched(dsl, compiled, true).stream()
        .findFirst()
        .map(json -> rendered(json, compiled.marked(), compiled.deferrals(), scope));
  }

  private List<byte[]> fetched(DSLContext dsl, Compiled compiled, boolean last) {
    return compiled
        .statement()
        .fetchWritten(dsl, transactions, last)
        .map(List::of)
        .orElse(List.of());
  }

  /** The answer as it goes to the client, its refusal marks taken out when it may hold some. */
  private RenderedJson rendered(
      byte[] written,
      List<Compiled.Refusal> marked,
      List<Deferrals.Deferral> deferrals,
      AccessScope scope) {
    RenderedJson json =
        marked.isEmpty() ? RenderedJson.of(written) : RenderedJson.unmarked(written);
    if (!deferrals.isEmpty()) {
      json.defer(
          deferrals,
          found ->
              new CompiledObject.JavaField(
                  model
                      .type(deferrals.get(found.index()).typeName())
                      .flatMap(type -> type.javaSource(found.id(), scope))
                      .orElse(null)));
    }
    return json;
  }

  private Optional<byte[]> written(Compiled compiled, AccessScope scope) {
    if (compiled.writesAround()) {
      return transactions
          .write(
              scope,
              dsl ->
                  recordedAndRevealed(
                      dsl, compiled.records(), scope, d -> fetched(d, compiled, false)))
          .stream()
          .findFirst();
    }
    // no secret to reveal and no reading to record: read-only, with its context in one round trip
    // (values only Java computes, ObjectModel.Builder#computed, are still filled in)
    return compiled
        .statement()
        .prepared(dsl)
        .map(prepared -> transactions.readAtOnce(scope, prepared.sql(), prepared))
        .orElseGet(
            () ->
                transactions.read(scope, dsl -> fetched(dsl, compiled, false).stream().findFirst()))
        .map(
            written ->
                SecretSlots.reveal(List.of(written), secrets -> computed(scope, secrets)).get(0));
  }

  /**
   * The values Java computes for a read that reveals nothing: any other secret there would have
   * been read outside the transaction that must record it, so it fails the answer.
   */
  private List<String> computed(AccessScope scope, List<Secret> secrets) {
    for (Secret secret : secrets) {
      SecretKeeper keeper = keepers.get(secret.kind());
      if (keeper == null || !keeper.computesOnly()) {
        throw new IllegalStateException("a read that reveals nothing holds " + secret.kind());
      }
    }
    return reveal(dsl, scope, secrets);
  }

  /**
   * What {@code fetch} reads in {@code dsl}'s transaction, after the records of reading it are
   * written there, with its secrets revealed by their keepers in the same transaction.
   */
  private List<byte[]> recordedAndRevealed(
      DSLContext dsl,
      List<ReadRecord> records,
      AccessScope scope,
      Function<DSLContext, List<byte[]>> fetch) {
    records.forEach(record -> record.write(dsl, scope));
    return SecretSlots.reveal(fetch.apply(dsl), secrets -> reveal(dsl, scope, secrets));
  }

  /** Each secret revealed by the keeper of its kind, one call per kind, in the secrets' order. */
  private List<String> reveal(DSLContext dsl, AccessScope scope, List<Secret> secrets) {
    Map<SecretKeeper, List<Integer>> positions = new LinkedHashMap<>();
    for (int i = 0; i < secrets.size(); i++) {
      SecretKeeper keeper = keepers.get(secrets.get(i).kind());
      if (keeper == null) {
        throw new IllegalStateException("No keeper of the secrets " + secrets.get(i).kind());
      }
      positions.computeIfAbsent(keeper, k -> new ArrayList<>()).add(i);
    }
    String[] plain = new String[secrets.size()];
    positions.forEach(
        (keeper, at) -> {
          List<String> revealed = keeper.reveal(dsl, scope, at.stream().map(secrets::get).toList());
          for (int i = 0; i < at.size(); i++) {
            plain[at.get(i)] = revealed.get(i);
          }
        });
    return List.of(plain);
  }
}
