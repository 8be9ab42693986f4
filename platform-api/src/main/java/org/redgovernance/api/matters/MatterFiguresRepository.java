package org.redgovernance.api.matters;

import static org.redgovernance.database.jooq.Tables.MATTER;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record5;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.redgovernance.api.matters.MatterFigures.CategoryCount;
import org.redgovernance.api.matters.MatterFigures.StatusCount;
import org.springframework.stereotype.Repository;

/** The matter figures of a community, in two aggregate statements. */
@Repository
class MatterFiguresRepository {

  MatterFigures figures(DSLContext dsl, UUID communityId, LocalDate today) {
    Map<MatterStatus, Integer> byStatus = new EnumMap<>(MatterStatus.class);
    Map<MatterCategory, Integer> byCategory = new EnumMap<>(MatterCategory.class);
    int total = 0;
    int open = 0;
    for (var row :
        dsl.select(MATTER.STATUS, MATTER.CATEGORY, DSL.count())
            .from(MATTER)
            .where(MATTER.COMMUNITY_ID.eq(communityId))
            .groupBy(MATTER.STATUS, MATTER.CATEGORY)
            .fetch()) {
      MatterStatus status = MatterStatus.valueOf(row.value1());
      int count = row.value3();
      byStatus.merge(status, count, Integer::sum);
      byCategory.merge(MatterCategory.valueOf(row.value2()), count, Integer::sum);
      total += count;
      if (!status.isFinal() && status != MatterStatus.VERIFIED) {
        open += count;
      }
    }
    Record5<Double, Double, Double, Integer, Integer> timing =
        dsl.select(
                medianHours(MATTER.RESOLVED_AT),
                medianHours(MATTER.VERIFIED_AT),
                DSL.avg(MATTER.RATING).cast(SQLDataType.DOUBLE),
                DSL.count(MATTER.RATING),
                DSL.count().filterWhere(MatterModels.overdue(MATTER, today)))
            .from(MATTER)
            .where(MATTER.COMMUNITY_ID.eq(communityId))
            .fetchSingle();
    List<StatusCount> statuses = new ArrayList<>();
    byStatus.forEach((status, count) -> statuses.add(new StatusCount(status, count)));
    List<CategoryCount> categories = new ArrayList<>();
    byCategory.forEach((category, count) -> categories.add(new CategoryCount(category, count)));
    return new MatterFigures(
        total,
        open,
        timing.value5(),
        statuses,
        categories,
        timing.value1(),
        timing.value2(),
        timing.value3(),
        timing.value4());
  }

  /** Median hours from report to {@code until}, over the matters that reached it. */
  private static Field<Double> medianHours(Field<java.time.OffsetDateTime> until) {
    return DSL.field(
        "percentile_cont(0.5) within group (order by extract(epoch from ({0} - {1})) / 3600.0)",
        SQLDataType.DOUBLE, until, MATTER.REPORTED_AT);
  }
}
