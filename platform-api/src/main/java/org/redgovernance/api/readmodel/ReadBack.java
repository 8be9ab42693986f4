package org.redgovernance.api.readmodel;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.jooq.DSLContext;
import org.redgovernance.api.tenancy.AccessScope;
import org.springframework.stereotype.Component;

/**
 * Reads what a mutation changed inside the mutation's own transaction, for every selection of the
 * payload's field that holds it: the answer leaves with the change, and the mutation costs its
 * writes and one read, not another transaction.
 */
@Component
public class ReadBack {

  /** One selection's answer: how it was compiled, and what PostgreSQL wrote (none: not there). */
  public record Answer(Compiled compiled, Optional<RenderedJson> json) {}

  private final ReadModel model;
  private final ReadPlans plans;
  private final Answers answers;

  ReadBack(ReadModel model, ReadPlans plans, Answers answers) {
    this.model = model;
    this.plans = plans;
    this.answers = answers;
  }

  /**
   * {@code changed} with its answers for each selection of {@code field} below the field {@code
   * parent} (a subscription's event), each read in its own transaction as {@code scope}'s caller:
   * the event is sent with the object as it was when the event was taken, in the order of events.
   */
  public Changed read(
      AccessScope scope, Changed changed, DataFetchingEnvironment parent, String field) {
    // a subscription lives for hours: each event is read at its own time, not the subscription's
    return answered(
        changed,
        parent,
        field,
        ReadRequest.now(scope),
        (compiled, last) -> answers.optional(compiled, scope));
  }

  /**
   * {@code changed} with its answers for each selection of {@code field} in the mutation's payload
   * ({@code mutation} is the mutation field's environment), read through {@code dsl}, the
   * mutation's transaction, as {@code scope}'s caller. {@code last}: nothing follows these reads in
   * the transaction, so the last of them may carry its commit ({@link Answers#lastIn}).
   */
  public Changed within(
      DSLContext dsl,
      AccessScope scope,
      Changed changed,
      DataFetchingEnvironment mutation,
      String field,
      boolean last) {
    return answered(
        changed,
        mutation,
        field,
        ReadRequest.of(mutation),
        (compiled, lastRead) ->
            last && lastRead
                ? answers.lastIn(dsl, compiled, scope)
                : answers.optionalIn(dsl, compiled, scope));
  }

  private Changed answered(
      Changed changed,
      DataFetchingEnvironment parent,
      String field,
      ReadRequest request,
      BiFunction<Compiled, Boolean, Optional<RenderedJson>> run) {
    Map<String, SelectedField> selections = new LinkedHashMap<>();
    for (SelectedField selected : parent.getSelectionSet().getImmediateFields()) {
      if (selected.getName().equals(field)) {
        selections.putIfAbsent(selected.getResultKey(), selected);
      }
    }
    Map<String, Answer> read = new LinkedHashMap<>();
    int left = selections.size();
    for (SelectedField selected : selections.values()) {
      left--;
      Compiled compiled =
          plans
              .object(
                  selected,
                  changed.typeName(),
                  new GlobalIdParts(changed.communityId(), changed.id()),
                  request,
                  (at, id) ->
                      model.byId(
                          changed.typeName(),
                          new GlobalIdParts(changed.communityId(), id),
                          selected.getSelectionSet().getImmediateFields(),
                          at))
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          changed.typeName() + " cannot be read back for this selection"));
      read.put(selected.getResultKey(), new Answer(compiled, run.apply(compiled, left == 0)));
    }
    return new Changed(changed.typeName(), changed.communityId(), changed.id(), read);
  }
}
