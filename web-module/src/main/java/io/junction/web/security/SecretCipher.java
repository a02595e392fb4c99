package io.junction.web.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets for storage: AES-256-GCM with a fresh 96-bit nonce per value, bound to where the
 * value lives by associated data (so a ciphertext copied to another row does not decrypt). The
 * stored form is {@code v1:<base64(nonce || ciphertext || tag)>}.
 */
public final class SecretCipher {

  private static final String PREFIX = "v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  /** Cipher.getInstance looks providers up every time: one instance per thread instead. */
  private static final ThreadLocal<Cipher> GCM =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("AES-GCM is not available", e);
            }
          });

  public SecretCipher(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("The secret key must be 32 bytes (AES-256)");
    }
    this.key = new SecretKeySpec(key, "AES");
  }

  /** Encrypts {@code plaintext}, bound to {@code context} (for example "site-secret:3_abc"). */
  public String encrypt(String plaintext, String context) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = GCM.get();
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + sealed.length);
      out.put(nonce).put(sealed);
      return PREFIX + Base64.getEncoder().encodeToString(out.array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /**
   * Seals {@code plaintext} bound to {@code context}: {@code nonce || ciphertext || tag}, as bytes
   * (for values that travel, such as a flow's state, rather than stored ones).
   */
  public byte[] seal(byte[] plaintext, String context) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = GCM.get();
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[NONCE_BYTES + cipher.getOutputSize(plaintext.length)];
      System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
      cipher.doFinal(plaintext, 0, plaintext.length, out, NONCE_BYTES);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /**
   * Opens what {@link #seal} sealed with the same key and context.
   *
   * @throws IllegalStateException when it was not sealed with this key and context, or was altered
   */
  public byte[] open(byte[] sealed, String context) {
    if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new IllegalStateException("Not a sealed value");
    }
    try {
      Cipher cipher = GCM.get();
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Not sealed with this key, or altered");
    }
  }

  /**
   * Decrypts a value written by {@link #encrypt} with the same context.
   *
   * @throws IllegalStateException when the value was not written with this key and context
   */
  public String decrypt(String stored, String context) {
    if (stored == null || !stored.startsWith(PREFIX)) {
      throw new IllegalStateException("Not an encrypted value");
    }
    byte[] all;
    try {
      all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Not an encrypted value");
    }
    if (all.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new IllegalStateException("Not an encrypted value");
    }
    try {
      Cipher cipher = GCM.get();
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "A stored secret cannot be decrypted: wrong junction.secret-key or tampered data");
    }
  }
}
