package org.redgovernance.database;

import java.util.Optional;

/** Mainland mobile numbers (11 digits starting 1[3-9]) and landlines with area code. */
public final class PhoneNumbers {

  private PhoneNumbers() {}

  /** Digits only (a landline keeps its hyphen after the area code), without +86. */
  public static String normalize(String number) {
    String n = number.replaceAll("[\\s()]", "");
    if (n.startsWith("+86")) {
      n = n.substring(3);
    }
    return n;
  }

  public static Optional<String> problem(String number) {
    String n = normalize(number);
    if (n.matches("1[3-9]\\d{9}") || n.matches("0\\d{2,3}-?\\d{7,8}")) {
      return Optional.empty();
    }
    return Optional.of("A phone number is a mobile number (11 digits from 13) or 0area-number");
  }

  /** {@code 138****5678}: the first three and the last four digits. */
  public static String mask(String number) {
    String n = normalize(number);
    return n.substring(0, 3)
        + "*".repeat(Math.max(0, n.length() - 7))
        + n.substring(n.length() - 4);
  }
}
