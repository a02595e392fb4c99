package io.junction.web.security;

import io.junction.web.envelope.GigyaException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * How socialize.getSessionInfo hands a provider token over plain HTTP: AES-CBC with the
 * Base64-decoded site secret as key and a fresh IV, padded as the caller asks ({@code paddingMode}
 * PKCS5, PKCS7 or ZEROS).
 */
public final class SessionTokenEncryption {

  private SessionTokenEncryption() {}

  /** The paddings callers may ask for. */
  public enum Padding {
    PKCS5,
    PKCS7,
    ZEROS;

    /** The {@code paddingMode} parameter: PKCS7 when absent, 400006 when unknown. */
    public static Padding of(String raw) {
      String v = raw == null ? "PKCS7" : raw.toUpperCase(Locale.ROOT);
      if (!List.of("PKCS5", "PKCS7", "ZEROS").contains(v)) {
        throw GigyaException.invalid("paddingMode", "must be PKCS5, PKCS7 or ZEROS");
      }
      return valueOf(v);
    }
  }

  /** Base64 of AES-CBC({@code text}) under the site secret and {@code iv}. */
  public static String encrypt(String base64Secret, byte[] iv, String text, Padding padding) {
    try {
      byte[] plain = text.getBytes(StandardCharsets.UTF_8);
      Cipher cipher;
      if (padding == Padding.ZEROS) {
        cipher = Cipher.getInstance("AES/CBC/NoPadding");
        int len = (plain.length + 15) / 16 * 16;
        plain = Arrays.copyOf(plain, Math.max(len, 16));
      } else {
        // PKCS5 and PKCS7 are the same padding for AES's 16-byte blocks.
        cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
      }
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(Base64.getDecoder().decode(base64Secret), "AES"),
          new IvParameterSpec(iv));
      return Base64.getEncoder().encodeToString(cipher.doFinal(plain));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES is not available", e);
    }
  }
}
