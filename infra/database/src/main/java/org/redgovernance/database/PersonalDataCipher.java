package org.redgovernance.database;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Protects personal information (phone, ID-card number) at rest, as PIPL asks: AES-256-GCM with a
 * fresh nonce per value, and a keyed hash (HMAC-SHA256 under a key derived from the same secret) so
 * that exact lookups never need the plain value in SQL. The key comes from configuration and is
 * never stored with the data.
 *
 * <p>Stored form: {@code [format 1][12-byte nonce][ciphertext + 16-byte tag]}.
 */
public final class PersonalDataCipher {

  private static final byte FORMAT = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec encryptionKey;
  private final SecretKeySpec lookupKey;

  public PersonalDataCipher(byte[] secret) {
    if (secret.length != 32) {
      throw new IllegalArgumentException("The personal-data key must be 32 bytes (256 bits)");
    }
    this.encryptionKey = new SecretKeySpec(secret, "AES");
    this.lookupKey =
        new SecretKeySpec(
            hmac(new SecretKeySpec(secret, "HmacSHA256"), "rg-lookup-v1"), "HmacSHA256");
  }

  /** From the base64 text form used in configuration ({@code rg.personal-data.key}). */
  public static PersonalDataCipher fromBase64(String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException(
          "No personal-data key configured (rg.personal-data.key / RG_PERSONAL_DATA_KEY)");
    }
    return new PersonalDataCipher(Base64.getDecoder().decode(key.trim()));
  }

  /** A new random key in its base64 text form. */
  public static String generateKey() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  public byte[] encrypt(String plain) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
          .put(FORMAT)
          .put(nonce)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Encryption failed", e);
    }
  }

  public String decrypt(byte[] stored) {
    if (stored.length < 1 + NONCE_BYTES + TAG_BITS / 8 || stored[0] != FORMAT) {
      throw new IllegalArgumentException("Not a value this cipher stored");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          encryptionKey,
          new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
      byte[] plain = cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Decryption failed: wrong key or tampered value", e);
    }
  }

  /** The keyed hash under which a normalised value can be looked up. */
  public byte[] lookupHash(String normalized) {
    return hmac(lookupKey, normalized);
  }

  private static byte[] hmac(SecretKeySpec key, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
