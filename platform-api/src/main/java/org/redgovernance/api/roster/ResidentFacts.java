package org.redgovernance.api.roster;

import java.time.Year;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.database.IdCardNumbers;
import org.redgovernance.database.PhoneNumbers;

/**
 * A resident's checked facts, as a mutation or an import row states them. Checking names the field
 * at fault; gender and birth year are taken from the ID-card number when they are not given, and
 * must agree with it when they are.
 */
record ResidentFacts(
    @Nullable String name,
    @Nullable String gender,
    @Nullable Integer birthYear,
    @Nullable String phone,
    @Nullable String idCardNumber) {

  static final int MAX_NAME = 50;

  /** Normalised facts, or the first problem found. */
  static Checked check(
      @Nullable String name,
      boolean nameRequired,
      @Nullable String gender,
      @Nullable Integer birthYear,
      @Nullable String phone,
      @Nullable String idCardNumber) {
    String cleanName = name == null ? null : name.strip();
    if ((nameRequired || cleanName != null)
        && (cleanName == null || cleanName.isEmpty() || cleanName.length() > MAX_NAME)) {
      return Checked.problem(
          UserError.of(
              UserError.Code.INVALID_INPUT,
              "Name must have 1 to " + MAX_NAME + " characters",
              "name"));
    }
    if (birthYear != null && (birthYear < 1900 || birthYear > Year.now().getValue())) {
      return Checked.problem(
          UserError.of(
              UserError.Code.INVALID_INPUT,
              "Birth year must be between 1900 and this year",
              "birthYear"));
    }
    String cleanPhone = blankToNull(phone);
    if (cleanPhone != null) {
      Optional<String> problem = PhoneNumbers.problem(cleanPhone);
      if (problem.isPresent()) {
        return Checked.problem(UserError.of(UserError.Code.INVALID_INPUT, problem.get(), "phone"));
      }
      cleanPhone = PhoneNumbers.normalize(cleanPhone);
    }
    String cleanIdCard = blankToNull(idCardNumber);
    String resolvedGender = gender;
    Integer resolvedYear = birthYear;
    if (cleanIdCard != null) {
      Optional<String> problem = IdCardNumbers.problem(cleanIdCard);
      if (problem.isPresent()) {
        return Checked.problem(
            UserError.of(UserError.Code.INVALID_INPUT, problem.get(), "idCardNumber"));
      }
      cleanIdCard = IdCardNumbers.normalize(cleanIdCard);
      int yearOnCard = Integer.parseInt(cleanIdCard.substring(6, 10));
      String genderOnCard = (cleanIdCard.charAt(16) - '0') % 2 == 1 ? "MALE" : "FEMALE";
      if (birthYear != null && birthYear != yearOnCard) {
        return Checked.problem(
            UserError.of(
                UserError.Code.INVALID_INPUT,
                "Birth year does not match the ID-card number",
                "birthYear"));
      }
      if (gender != null && !gender.equals(genderOnCard)) {
        return Checked.problem(
            UserError.of(
                UserError.Code.INVALID_INPUT,
                "Gender does not match the ID-card number",
                "gender"));
      }
      resolvedGender = genderOnCard;
      resolvedYear = yearOnCard;
    }
    return new Checked(
        new ResidentFacts(cleanName, resolvedGender, resolvedYear, cleanPhone, cleanIdCard), null);
  }

  /** Facts that passed, or the problem that stopped them. */
  record Checked(@Nullable ResidentFacts facts, @Nullable UserError problem) {
    static Checked problem(UserError problem) {
      return new Checked(null, problem);
    }
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
