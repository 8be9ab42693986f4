package org.redgovernance.api.roster;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.audit.AuditLog;
import org.redgovernance.api.roster.ImportReport.Counts;
import org.redgovernance.api.roster.ImportReport.Problem;
import org.redgovernance.api.roster.RosterImportRepository.Known;
import org.redgovernance.api.roster.RosterImportRepository.KnownBuilding;
import org.redgovernance.api.roster.RosterImportRepository.NewHousehold;
import org.redgovernance.api.roster.RosterImportRepository.NewPartyMember;
import org.redgovernance.api.roster.RosterImportRepository.NewResident;
import org.redgovernance.api.roster.RosterSheet.Column;
import org.redgovernance.api.roster.RosterSheet.Row;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.redgovernance.database.Ids;
import org.redgovernance.database.StorableText;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Imports a roster spreadsheet into one community: every row is checked against the file and the
 * community first, and only a file without a single problem is written, in one transaction. A dry
 * run stops after the checks. Households, residents (by ID-card number, or by name within their
 * household) and party memberships that already exist are left as they are, so importing the same
 * file twice creates nothing the second time.
 */
@Component
class RosterImport {

  /** No cell of a roster is longer: the longest column (a workplace) takes 200 characters. */
  private static final int MAX_CELL = 1000;

  /** Refusals before any row is read. */
  static final class Refused extends RuntimeException {
    final int status;

    Refused(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  private final TenantTransactions transactions;
  private final RosterImportRepository repository;
  private final AuditLog audit;

  RosterImport(TenantTransactions transactions, RosterImportRepository repository, AuditLog audit) {
    this.transactions = transactions;
    this.repository = repository;
    this.audit = audit;
  }

  ImportReport run(
      AccessScope scope,
      String communityKey,
      @Nullable String filename,
      byte[] content,
      boolean dryRun) {
    long started = System.nanoTime();
    ReachableCommunity community =
        scope.byKey(communityKey).orElseThrow(() -> new Refused(404, "No such community"));
    Optional<UserErrorText> refused = refusal(community);
    if (refused.isPresent()) {
      throw new Refused(403, refused.get().message());
    }
    AccessScope one = scope.narrowedTo(community);
    RosterSheet.Parsed parsed = RosterSheet.parse(filename, content);
    if (parsed.problem() != null) {
      return report(
          community, dryRun, false, 0, new Plan(repository), List.of(parsed.problem()), started);
    }
    Known known = transactions.read(one, dsl -> repository.load(dsl, community.id()));
    Plan plan = new Plan(repository);
    List<Problem> problems = new ArrayList<>();
    for (Row row : parsed.rows()) {
      plan.add(row, known, problems);
    }
    if (!problems.isEmpty() || dryRun) {
      return report(community, dryRun, false, parsed.rows().size(), plan, problems, started);
    }
    try {
      transactions.write(
          one,
          dsl -> {
            repository.insertHouseholds(dsl, community.id(), plan.households);
            repository.insertResidents(dsl, community.id(), plan.residents);
            repository.insertPartyMembers(dsl, community.id(), plan.partyMembers);
            audit.record(
                dsl,
                one,
                community.id(),
                "roster.imported",
                "Community",
                community.id(),
                Map.of(
                    "households", plan.households.size(),
                    "residents", plan.residents.size(),
                    "partyMembers", plan.partyMembers.size()));
            return null;
          });
    } catch (DataAccessException concurrent) {
      return report(
          community,
          false,
          false,
          parsed.rows().size(),
          plan,
          List.of(
              new Problem(
                  0,
                  null,
                  "CONFLICT",
                  "The roster changed while importing; nothing was written, try again")),
          started);
    }
    return report(community, false, true, parsed.rows().size(), plan, List.of(), started);
  }

  private record UserErrorText(String message) {}

  private static Optional<UserErrorText> refusal(ReachableCommunity community) {
    if (!community.mayEditRoster()) {
      return Optional.of(
          new UserErrorText("Only the community's admin or secretary may import its roster"));
    }
    if (!community.status().acceptsWrites()) {
      return Optional.of(new UserErrorText("The community is read-only"));
    }
    return Optional.empty();
  }

  private static ImportReport report(
      ReachableCommunity community,
      boolean dryRun,
      boolean applied,
      int rows,
      Plan plan,
      List<Problem> problems,
      long started) {
    return new ImportReport(
        community.key(),
        dryRun,
        applied,
        rows,
        new Counts(plan.households.size(), plan.existingHouseholds),
        new Counts(plan.residents.size(), plan.existingResidents),
        new Counts(plan.partyMembers.size(), plan.existingPartyMembers),
        problems,
        (System.nanoTime() - started) / 1_000_000);
  }

  /** What the file asks for, row by row, against what the community already has. */
  private static final class Plan {
    private final RosterImportRepository repository;
    final List<NewHousehold> households = new ArrayList<>();
    final List<NewResident> residents = new ArrayList<>();
    final List<NewPartyMember> partyMembers = new ArrayList<>();
    final Map<String, UUID> newHouseholds = new HashMap<>();
    final Map<String, Integer> idCardsInFile = new HashMap<>();
    final Map<String, UUID> newByName = new HashMap<>();
    int existingHouseholds;
    int existingResidents;
    int existingPartyMembers;

    Plan(RosterImportRepository repository) {
      this.repository = repository;
    }

    void add(Row row, Known known, List<Problem> problems) {
      int before = problems.size();
      for (Map.Entry<Column, String> cell : row.cells().entrySet()) {
        // the same rule as every GraphQL text: no NUL, broken Unicode or control characters
        StorableText.problem(cell.getValue(), MAX_CELL)
            .ifPresent(
                wrong -> problems.add(problem(row, cell.getKey(), "INVALID", "The cell " + wrong)));
        if (isFormula(cell.getKey(), cell.getValue())) {
          problems.add(
              problem(
                  row,
                  cell.getKey(),
                  "FORMULA",
                  "A cell may not start with =, +, - or @ (formula)"));
        }
      }
      if (problems.size() > before) {
        return;
      }
      KnownBuilding building = known.buildingsByNumber().get(row.get(Column.BUILDING));
      if (building == null) {
        problems.add(
            problem(
                row,
                Column.BUILDING,
                "UNKNOWN_BUILDING",
                "No building " + row.get(Column.BUILDING) + " in this community"));
        return;
      }
      String unit = row.get(Column.UNIT);
      String room = row.get(Column.ROOM);
      if (unit.isEmpty() || unit.length() > 10) {
        problems.add(problem(row, Column.UNIT, "INVALID", "Unit must have 1 to 10 characters"));
        return;
      }
      if (room.isEmpty() || room.length() > 10) {
        problems.add(problem(row, Column.ROOM, "INVALID", "Room must have 1 to 10 characters"));
        return;
      }
      UUID gridId = building.gridId();
      if (!row.get(Column.GRID).isEmpty()) {
        gridId = known.gridsByName().get(row.get(Column.GRID));
        if (gridId == null) {
          problems.add(
              problem(
                  row,
                  Column.GRID,
                  "UNKNOWN_GRID",
                  "No grid " + row.get(Column.GRID) + " in this community"));
          return;
        }
      }
      Integer birthYear;
      try {
        birthYear =
            row.get(Column.BIRTH_YEAR).isEmpty()
                ? null
                : Integer.valueOf(row.get(Column.BIRTH_YEAR));
      } catch (NumberFormatException e) {
        problems.add(
            problem(row, Column.BIRTH_YEAR, "INVALID", "Birth year must be a year, e.g. 1965"));
        return;
      }
      String gender = gender(row.get(Column.GENDER));
      if (!row.get(Column.GENDER).isEmpty() && gender == null) {
        problems.add(problem(row, Column.GENDER, "INVALID", "Gender must be 男 or 女"));
        return;
      }
      ResidentFacts.Checked checked =
          ResidentFacts.check(
              row.get(Column.NAME),
              true,
              gender,
              birthYear,
              row.get(Column.PHONE),
              row.get(Column.ID_CARD));
      if (checked.problem() != null) {
        var error = checked.problem();
        problems.add(problem(row, columnOf(error.field()), "INVALID", error.message()));
        return;
      }
      ResidentFacts facts = checked.facts();
      Boolean owner = yesNo(row.get(Column.OWNER));
      if (owner == null) {
        problems.add(problem(row, Column.OWNER, "INVALID", "Owner must be 是 or 否"));
        return;
      }
      LocalDate movedIn;
      LocalDate joinedOn;
      try {
        movedIn = date(row.get(Column.MOVED_IN));
      } catch (DateTimeParseException e) {
        problems.add(problem(row, Column.MOVED_IN, "INVALID", "Dates look like 2019-03-01"));
        return;
      }
      try {
        joinedOn = date(row.get(Column.JOINED_ON));
      } catch (DateTimeParseException e) {
        problems.add(problem(row, Column.JOINED_ON, "INVALID", "Dates look like 2019-03-01"));
        return;
      }
      String partyKind = partyKind(row.get(Column.PARTY_KIND));
      if (!row.get(Column.PARTY_KIND).isEmpty() && partyKind == null) {
        problems.add(problem(row, Column.PARTY_KIND, "INVALID", "Party kind must be 在册, 在职 or 银辉"));
        return;
      }
      if ("IN_SERVICE".equals(partyKind) && row.get(Column.WORKPLACE).isEmpty()) {
        problems.add(
            problem(row, Column.WORKPLACE, "INVALID", "An in-service member names the workplace"));
        return;
      }
      if (facts.idCardNumber() != null) {
        Integer firstRow = idCardsInFile.putIfAbsent(facts.idCardNumber(), row.number());
        if (firstRow != null) {
          problems.add(
              problem(
                  row,
                  Column.ID_CARD,
                  "DUPLICATE_IN_FILE",
                  "The same ID-card number as row " + firstRow));
          return;
        }
      }

      // Decided: everything below only plans.
      String address = RosterImportRepository.addressKey(building.id(), unit, room);
      UUID householdId = known.householdsByAddress().get(address);
      if (householdId != null) {
        if (!newHouseholds.containsKey(address)) {
          newHouseholds.put(address, householdId);
          existingHouseholds++;
        }
      } else {
        householdId = newHouseholds.get(address);
        if (householdId == null) {
          householdId = Ids.newId();
          newHouseholds.put(address, householdId);
          households.add(new NewHousehold(householdId, building.id(), unit, room, gridId));
        }
      }
      UUID residentId = null;
      if (facts.idCardNumber() != null) {
        residentId = known.residentsByIdCardHash().get(repository.hashKey(facts.idCardNumber()));
      }
      String nameKey = RosterImportRepository.nameKey(householdId, facts.name());
      if (residentId == null && facts.idCardNumber() == null) {
        residentId = known.residentsByHouseholdAndName().get(nameKey);
        if (residentId == null) {
          residentId = newByName.get(nameKey);
          if (residentId != null) {
            problems.add(
                problem(
                    row,
                    Column.NAME,
                    "DUPLICATE_IN_FILE",
                    "The same name in the same household twice"));
            return;
          }
        }
      }
      boolean existing = residentId != null;
      if (existing) {
        existingResidents++;
      } else {
        residentId = Ids.newId();
        newByName.put(nameKey, residentId);
        residents.add(new NewResident(residentId, householdId, facts, owner, movedIn));
      }
      if (partyKind != null) {
        if (existing && known.partyResidents().contains(residentId)) {
          existingPartyMembers++;
        } else {
          partyMembers.add(
              new NewPartyMember(
                  Ids.newId(),
                  residentId,
                  partyKind,
                  row.get(Column.WORKPLACE).isEmpty() ? null : row.get(Column.WORKPLACE),
                  joinedOn,
                  gridId,
                  specialties(row.get(Column.SPECIALTIES))));
        }
      }
    }
  }

  private static boolean isFormula(Column column, String value) {
    if (value.isEmpty()) {
      return false;
    }
    char first = value.charAt(0);
    if (column == Column.PHONE && value.startsWith("+86")) {
      return false;
    }
    return first == '=' || first == '+' || first == '-' || first == '@';
  }

  private static Problem problem(Row row, @Nullable Column column, String code, String message) {
    return new Problem(row.number(), column == null ? null : column.label(), code, message);
  }

  private static @Nullable Column columnOf(@Nullable List<String> field) {
    if (field == null || field.isEmpty()) {
      return null;
    }
    return switch (field.get(0)) {
      case "name" -> Column.NAME;
      case "gender" -> Column.GENDER;
      case "birthYear" -> Column.BIRTH_YEAR;
      case "phone" -> Column.PHONE;
      case "idCardNumber" -> Column.ID_CARD;
      default -> null;
    };
  }

  private static @Nullable String gender(String value) {
    return switch (value.toUpperCase(Locale.ROOT)) {
      case "男", "MALE", "M" -> "MALE";
      case "女", "FEMALE", "F" -> "FEMALE";
      default -> null;
    };
  }

  private static @Nullable Boolean yesNo(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "", "否", "no", "false", "0", "n" -> Boolean.FALSE;
      case "是", "yes", "true", "1", "y" -> Boolean.TRUE;
      default -> null;
    };
  }

  private static @Nullable String partyKind(String value) {
    return switch (value.toUpperCase(Locale.ROOT)) {
      case "在册", "在册党员", "REGISTERED" -> "REGISTERED";
      case "在职", "在职党员", "IN_SERVICE" -> "IN_SERVICE";
      case "银辉", "银辉党员", "SILVER" -> "SILVER";
      default -> null;
    };
  }

  private static @Nullable LocalDate date(String value) {
    if (value.isEmpty()) {
      return null;
    }
    String[] parts = value.split("[-/.年月日]");
    if (parts.length < 3) {
      throw new DateTimeParseException("not a date", value, 0);
    }
    try {
      return LocalDate.of(
          Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    } catch (RuntimeException e) {
      throw new DateTimeParseException("not a date", value, 0);
    }
  }

  private static List<String> specialties(String value) {
    List<String> list = new ArrayList<>();
    for (String part : value.split("[、,，;；]")) {
      String s = part.strip();
      if (!s.isEmpty() && !list.contains(s)) {
        list.add(s);
      }
    }
    return list;
  }
}
