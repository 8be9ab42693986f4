package org.redgovernance.database;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * Mainland resident identity card numbers (GB 11643-1999): 17 digits — region, birth date, sequence
 * — and a check character computed with ISO 7064 MOD 11-2 ({@code 0-9} or {@code X}).
 */
public final class IdCardNumbers {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = "10X98765432".toCharArray();

  private IdCardNumbers() {}

  /** Upper case, without spaces: the form that is stored, hashed and compared. */
  public static String normalize(String number) {
    return number.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
  }

  /** Why the number is not valid, or empty when it is. */
  public static Optional<String> problem(String number) {
    String n = normalize(number);
    if (!n.matches("\\d{17}[\\dX]")) {
      return Optional.of("An ID-card number has 17 digits and a final digit or X");
    }
    try {
      LocalDate born =
          LocalDate.of(
              Integer.parseInt(n.substring(6, 10)),
              Integer.parseInt(n.substring(10, 12)),
              Integer.parseInt(n.substring(12, 14)));
      if (born.isAfter(LocalDate.now()) || born.getYear() < 1900) {
        return Optional.of("The birth date in the ID-card number is not plausible");
      }
    } catch (DateTimeException e) {
      return Optional.of("The birth date in the ID-card number does not exist");
    }
    if (n.charAt(17) != checkCharacter(n.substring(0, 17))) {
      return Optional.of("The check character of the ID-card number is wrong");
    }
    return Optional.empty();
  }

  /** The check character for the first 17 digits. */
  public static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11];
  }

  /** {@code 3302**********1234}: the region's first four and the last four characters. */
  public static String mask(String number) {
    String n = normalize(number);
    return n.substring(0, 4) + "*".repeat(n.length() - 8) + n.substring(n.length() - 4);
  }
}
