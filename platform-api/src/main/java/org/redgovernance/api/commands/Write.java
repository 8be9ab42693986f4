package org.redgovernance.api.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.CommonTableExpression;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.audit.AuditLog;
import org.redgovernance.api.events.ChangeEvents;
import org.redgovernance.api.graphql.Refusal;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * A change written in one round trip, with the transaction's tenant context when it is the
 * transaction's first statement ({@link TenantTransactions#fetchIn}): the feature's insert or
 * update (returning the row's {@code community_id} and {@code id}, and whatever else the feature
 * wants back), the rows it writes beside it (a timeline entry), the audit record and the change
 * event, as one statement of data-modifying CTEs. What the change did not touch (an update that
 * found another version) gets no timeline entry, no audit record and no event.
 */
public final class Write {

  /**
   * The row the change wrote, as the statement's other parts read it: {@code communityId} is its
   * owner's column — {@code community_id}, or {@code street_id} for a street's own object.
   */
  public record Row(Table<?> table, Field<UUID> communityId, Field<UUID> id) {}

  /** Whose row the change writes, and so where its audit record goes. */
  enum Owner {
    /** A community's row (a tenant table): audited in the community's log. */
    COMMUNITY("community_id"),
    /** A street's own object (a rollout project): audited in the street's log. */
    STREET("street_id");

    private final String column;

    Owner(String column) {
      this.column = column;
    }
  }

  private static final Table<?> CHANGED = DSL.table(DSL.name("changed"));

  private final DSLContext dsl;
  private final AccessScope scope;
  private final AuditLog audit;
  private final ChangeEvents events;
  private final TenantTransactions transactions;
  private final ResultQuery<? extends Record> change;
  private final Owner owner;
  private final Row row;
  private final List<Function<Row, Query>> alongside = new ArrayList<>();
  private @Nullable Query audited;
  private @Nullable Field<Object> announced;
  private @Nullable Refusal violated;

  Write(
      DSLContext dsl,
      AccessScope scope,
      AuditLog audit,
      ChangeEvents events,
      TenantTransactions transactions,
      ResultQuery<? extends Record> change,
      Owner owner) {
    this.dsl = dsl;
    this.owner = owner;
    this.row =
        new Row(
            CHANGED,
            DSL.field(DSL.name("changed", owner.column), UUID.class),
            DSL.field(DSL.name("changed", "id"), UUID.class));
    this.scope = scope;
    this.audit = audit;
    this.events = events;
    this.transactions = transactions;
    this.change = change;
  }

  /** A row the feature writes with the change, from it (an insert … select). */
  public Write alongside(Function<Row, Query> write) {
    alongside.add(write);
    return this;
  }

  /** The audit record of the change: who did {@code action} to the row, with {@code details}. */
  public Write audited(String action, String subjectType, Map<String, ?> details) {
    audited =
        owner == Owner.STREET
            ? audit.streetRecordOf(
                scope, CHANGED, row.communityId(), row.id(), action, subjectType, details)
            : audit.recordOf(
                scope, CHANGED, row.communityId(), row.id(), action, subjectType, details);
    return this;
  }

  /** The change event subscribers receive once the transaction commits. */
  public Write announced(String topic, String kind) {
    return announced(topic, kind, row.id());
  }

  /**
   * The change event of another object than the row written ({@code subject}, a column the change
   * returns: a comment's matter).
   */
  public Write announced(String topic, String kind, String subject) {
    return announced(topic, kind, DSL.field(DSL.name("changed", subject), UUID.class));
  }

  private Write announced(String topic, String kind, Field<UUID> subject) {
    if (owner == Owner.STREET) {
      // events go to a community's subscribers; a street's objects have none yet
      throw new IllegalStateException("A street's object announces no change event");
    }
    announced = events.announcing(topic, row.communityId(), subject, kind);
    return this;
  }

  /**
   * A change that breaks a constraint of its table — a second service post of one name, a seat for
   * a person who is not there — is refused with {@code refusal} instead of failing the request.
   */
  public Write onViolation(Refusal refusal) {
    violated = refusal;
    return this;
  }

  /**
   * Runs the statement; the rows the change returned, or {@code untouched} (a stale version) when
   * it touched nothing.
   */
  public List<Record> executeOr(Refusal untouched) {
    List<Record> changed = execute();
    if (changed.isEmpty()) {
      throw untouched;
    }
    return changed;
  }

  /** Runs the statement; the rows the change returned, none when it touched nothing. */
  public List<Record> execute() {
    try {
      return transactions.fetchIn(dsl, statement());
    } catch (DataIntegrityViolationException violation) {
      if (violated == null) {
        throw violation;
      }
      throw violated;
    }
  }

  private ResultQuery<Record> statement() {
    List<CommonTableExpression<?>> parts = new ArrayList<>();
    parts.add(DSL.name("changed").as(change));
    for (int i = 0; i < alongside.size(); i++) {
      parts.add(DSL.name("alongside" + i).as(returningNothing(alongside.get(i).apply(row))));
    }
    if (audited != null) {
      parts.add(DSL.name("audited").as(returningNothing(audited)));
    }
    List<SelectFieldOrAsterisk> columns = new ArrayList<>();
    columns.add(CHANGED.asterisk());
    if (announced != null) {
      columns.add(announced.as("announced"));
    }
    return dsl.with(parts).select(columns).from(CHANGED);
  }

  /**
   * A data-modifying part that returns nothing, as PostgreSQL allows in WITH: what it writes need
   * not be readable by the runtime role (the audit log is insert-only).
   */
  private static ResultQuery<Record> returningNothing(Query write) {
    return DSL.resultQuery("{0}", write);
  }

  /**
   * The rows of {@code selects} as one select (UNION ALL), for a write beside the change of several
   * rows at once, each select reading the row the change made ({@link Row#table}), so that a change
   * that made nothing has nothing written beside it.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Select eachOf(List<? extends Select<? extends Record>> selects) {
    Select union = selects.get(0);
    for (Select<? extends Record> next : selects.subList(1, selects.size())) {
      union = union.unionAll((Select) next);
    }
    return union;
  }
}
