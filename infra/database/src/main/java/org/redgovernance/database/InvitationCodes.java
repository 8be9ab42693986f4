package org.redgovernance.database;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * The codes that invitations into a community carry: 130 random bits written in 26 characters of
 * Crockford's base32 (no I, L, O, U), so a code read off a phone can be typed, and too many to
 * guess. The database keeps only a code's SHA-256 ({@link #digest}); tenant-admin makes codes,
 * platform-api accepts them, and both digest a code the same way — after forgiving case, spaces and
 * dashes, and the letters people confuse with digits.
 */
public final class InvitationCodes {

  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final int LENGTH = 26;
  private static final SecureRandom RANDOM = new SecureRandom();

  private InvitationCodes() {}

  /** A new code. */
  public static String fresh() {
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** The code as it is compared: upper case, no spaces or dashes, O read as 0 and I, L as 1. */
  public static String normalize(String code) {
    return code.strip()
        .toUpperCase(Locale.ROOT)
        .replaceAll("[\\s-]", "")
        .replace('O', '0')
        .replace('I', '1')
        .replace('L', '1');
  }

  /** Whether the text could be a code at all (wrong ones are then simply not found). */
  public static boolean wellFormed(String code) {
    String normalized = normalize(code);
    return normalized.length() == LENGTH
        && normalized.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
  }

  /** What the database keeps of a code: SHA-256 of its normalized form. */
  public static byte[] digest(String code) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(normalize(code).getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
