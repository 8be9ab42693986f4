package org.redgovernance.api.commands;

import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.audit.AuditLog;
import org.redgovernance.api.events.ChangeEvents;
import org.redgovernance.api.graphql.Refusal;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.readmodel.Changed;
import org.redgovernance.api.readmodel.ReadBack;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.MutationTargets;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.api.tenancy.ReachableStreet;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.springframework.stereotype.Component;

/**
 * The command template every mutation runs through: the target found and the caller allowed, then
 * in one tenant transaction the feature's body — its checks and its {@link Write} — and what it
 * changed read back for the payload's selection. The transaction's context goes with its first
 * statement, most often the write, and its commit with the read-back when nothing follows it: a
 * mutation costs two round trips. The payload is the schema's: the changed object under the
 * feature's field name, and {@code errors}.
 */
@Component
public class Commands {

  /** What the body of a command may use: its transaction, its caller and its target. */
  public record Step(
      DSLContext dsl,
      AccessScope scope,
      ReachableCommunity community,
      UUID targetId,
      Commands commands) {

    /** The feature's change, to be written with what goes with it ({@link Write}). */
    public Write write(ResultQuery<? extends Record> change) {
      return commands.write(dsl, scope, change);
    }
  }

  /** What the body of a command on a street's own object may use. */
  public record StreetStep(
      DSLContext dsl, AccessScope scope, ReachableStreet street, UUID targetId, Commands commands) {

    /**
     * The change of the street's object (returning its {@code street_id} and {@code id}), audited
     * in the street's log.
     */
    public Write write(ResultQuery<? extends Record> change) {
      return new Write(
          dsl,
          scope,
          commands.audit,
          commands.events,
          commands.transactions,
          change,
          Write.Owner.STREET);
    }

    /**
     * A change of a community's row the street's command makes with it (a community joining the
     * street's project), audited in that community's log.
     */
    public Write writeOfCommunity(ResultQuery<? extends Record> change) {
      return commands.write(dsl, scope, change);
    }
  }

  /** The feature's part of a command on a street's own object. */
  @FunctionalInterface
  public interface StreetBody {
    Changed apply(StreetStep step);
  }

  /**
   * The feature's part of a command, inside the transaction: check, write, and say what changed; a
   * {@link Refusal} rolls the transaction back and becomes the payload's error.
   */
  @FunctionalInterface
  public interface Body {
    Changed apply(Step step);
  }

  private final TenantTransactions transactions;
  private final AuditLog audit;
  private final ChangeEvents events;
  private final ReadBack readBack;

  Commands(
      TenantTransactions transactions, AuditLog audit, ChangeEvents events, ReadBack readBack) {
    this.transactions = transactions;
    this.audit = audit;
    this.events = events;
    this.readBack = readBack;
  }

  /**
   * Runs the command of the mutation {@code mutation} (its field's environment) on {@code target}
   * for {@code scope}'s caller; the payload holds what changed under {@code field}, read as the
   * mutation's selection of it asks, or the refusal.
   */
  public Map<String, Object> run(
      DataFetchingEnvironment mutation,
      AccessScope scope,
      MutationTargets.Target target,
      String field,
      Body body) {
    return command(
        scope,
        target,
        field,
        null,
        step -> readBack.within(step.dsl(), step.scope(), body.apply(step), mutation, field, true));
  }

  /** The feature's part of a command that makes several objects at once (a series' meetings). */
  @FunctionalInterface
  public interface Bodies {
    List<Changed> apply(Step step);
  }

  /**
   * Runs a command that makes several objects, as {@link #run} does: the payload's list {@code
   * field} holds each of them read back for the mutation's selection, or is empty with the refusal.
   */
  public Map<String, Object> runEach(
      DataFetchingEnvironment mutation,
      AccessScope scope,
      MutationTargets.Target target,
      String field,
      Bodies body) {
    return command(
        scope,
        target,
        field,
        List.of(),
        step ->
            body.apply(step).stream()
                .map(
                    made -> readBack.within(step.dsl(), step.scope(), made, mutation, field, false))
                .toList());
  }

  /**
   * Runs a command that makes one object in each of {@code communities} (a street-wide survey), as
   * {@link #run} does, in one transaction over all of them, so that all are made or none: {@code
   * body} runs once per community, in the communities' order, and the payload's list {@code field}
   * holds what each made, read back for the mutation's selection, or is empty with the refusal.
   */
  public Map<String, Object> runInEach(
      DataFetchingEnvironment mutation,
      AccessScope scope,
      List<ReachableCommunity> communities,
      MutationTargets.@Nullable Denial refusal,
      String field,
      Body body) {
    if (refusal != null) {
      return payload(field, List.of(), List.of(refused(refusal)));
    }
    AccessScope those = scope.narrowedTo(communities);
    return inTransaction(
        those,
        field,
        List.of(),
        dsl ->
            communities.stream()
                .map(community -> body.apply(new Step(dsl, those, community, community.id(), this)))
                .toList()
                .stream()
                .map(changed -> readBack.within(dsl, those, changed, mutation, field, false))
                .toList());
  }

  /**
   * Runs the command of {@code mutation} on a street's own object (a rollout project) as {@link
   * #run} does a community's: the street the tenancy wall found, then {@code body} in one
   * transaction whose tenant context is the street's communities the caller reaches (row-level
   * security shows the street's rows through them), and what changed read back for the payload.
   */
  public Map<String, Object> runOnStreet(
      DataFetchingEnvironment mutation,
      AccessScope scope,
      MutationTargets.StreetTarget target,
      String field,
      StreetBody body) {
    if (target.refusal() != null) {
      return payload(field, null, List.of(refused(target.refusal())));
    }
    ReachableStreet street = target.target();
    AccessScope those = scope.narrowedTo(street.communities());
    return inTransaction(
        those,
        field,
        null,
        dsl ->
            readBack.within(
                dsl,
                those,
                body.apply(new StreetStep(dsl, those, street, target.localId(), this)),
                mutation,
                field,
                true));
  }

  /**
   * The feature's part of a command that changes many rows of its target community at once and says
   * how many (an inbox marked read).
   */
  @FunctionalInterface
  public interface Counting {
    int apply(Step step);
  }

  /**
   * Runs a command that changes many rows, as {@link #run} does: the payload holds how many under
   * {@code field}, or 0 with the refusal.
   */
  public Map<String, Object> count(
      AccessScope scope, MutationTargets.Target target, String field, Counting body) {
    return command(scope, target, field, 0, body::apply);
  }

  /**
   * The feature's part of a command whose answer is no object of the read model (a person's own
   * settings): its checks, its writes, and the answer it builds.
   */
  @FunctionalInterface
  public interface Answering {
    Object apply(Step step);
  }

  /**
   * Runs a command as {@link #run} does, whose payload holds under {@code field} what the body
   * answers, or null with the refusal.
   */
  public Map<String, Object> answer(
      AccessScope scope, MutationTargets.Target target, String field, Answering body) {
    return command(scope, target, field, null, body::apply);
  }

  /** The feature's part of a command that deletes its target: its checks and its {@link Write}. */
  @FunctionalInterface
  public interface Deletion {
    void apply(Step step);
  }

  /**
   * Runs the command deleting {@code target} for {@code scope}'s caller; the payload holds the
   * deleted object's global {@code id} under {@code field}, or the refusal.
   */
  public Map<String, Object> delete(
      AccessScope scope,
      MutationTargets.Target target,
      String field,
      @Nullable String id,
      Deletion body) {
    return command(
        scope,
        target,
        field,
        null,
        step -> {
          body.apply(step);
          return id;
        });
  }

  /**
   * The template itself: the target the tenancy wall found, then {@code body} in one tenant
   * transaction of its community; the payload holds what the body answers under {@code field}, or
   * {@code nothing} with the refusal that rolled it back.
   */
  private Map<String, Object> command(
      AccessScope scope,
      MutationTargets.Target target,
      String field,
      @Nullable Object nothing,
      Function<Step, @Nullable Object> body) {
    if (target.refusal() != null) {
      return payload(field, nothing, List.of(refused(target.refusal())));
    }
    ReachableCommunity community = target.target();
    AccessScope one = scope.narrowedTo(community);
    return inTransaction(
        one,
        field,
        nothing,
        dsl -> body.apply(new Step(dsl, one, community, target.localId(), this)));
  }

  /**
   * {@code work} in one tenant transaction of {@code scope}: the payload holds what it answers
   * under {@code field}, or {@code nothing} with the refusal that rolled it back.
   */
  private Map<String, Object> inTransaction(
      AccessScope scope,
      String field,
      @Nullable Object nothing,
      Function<DSLContext, @Nullable Object> work) {
    try {
      return payload(field, transactions.write(scope, work), List.of());
    } catch (Refusal refused) {
      return payload(field, nothing, List.of(refused.error()));
    }
  }

  /**
   * A change written in {@code dsl}'s transaction for {@code scope}'s caller: inside a command's
   * body ({@link Step#write}), or a step another feature's command takes (a meeting assigning a
   * matter).
   */
  public Write write(DSLContext dsl, AccessScope scope, ResultQuery<? extends Record> change) {
    return new Write(dsl, scope, audit, events, transactions, change, Write.Owner.COMMUNITY);
  }

  /** The payload's error for a target the tenancy wall denied. */
  public static UserError refused(MutationTargets.Denial denial) {
    UserError.Code code =
        switch (denial.reason()) {
          case NOT_FOUND -> UserError.Code.NOT_FOUND;
          case FORBIDDEN -> UserError.Code.FORBIDDEN;
          case READ_ONLY -> UserError.Code.COMMUNITY_READ_ONLY;
          case COMMUNITY_REQUIRED -> UserError.Code.COMMUNITY_REQUIRED;
        };
    return denial.field() == null
        ? UserError.of(code, denial.message())
        : UserError.of(code, denial.message(), denial.field());
  }

  /** The payload of a mutation refused before it began. */
  public static Map<String, Object> failed(String field, UserError error) {
    return payload(field, null, List.of(error));
  }

  /** The payload of a mutation making several objects refused before it began. */
  public static Map<String, Object> failedEach(String field, UserError error) {
    return payload(field, List.of(), List.of(error));
  }

  private static Map<String, Object> payload(
      String field, @Nullable Object changed, List<UserError> errors) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put(field, changed);
    payload.put("errors", errors);
    return payload;
  }
}
