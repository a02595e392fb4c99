package io.junction.web.security;

import io.junction.web.envelope.GigyaException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The RSA keys of application keys: a new 2048-bit pair (the private key as Base64 PKCS#8, as the
 * Gigya SDKs read it), and a public key given by an administrator, as PEM ({@code -----BEGIN PUBLIC
 * KEY-----}) or as Base64 of its X.509 SubjectPublicKeyInfo. Only the public key is ever stored, as
 * that Base64.
 */
public final class RsaKeys {

  /** The size of a generated key, and the least size of a given one. */
  public static final int MIN_BITS = 2048;

  /** The largest key accepted: beyond, verifying costs more than a call should. */
  public static final int MAX_BITS = 8192;

  private static final Pattern PEM_PUBLIC =
      Pattern.compile(
          "\\A-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----\\z");

  private RsaKeys() {}

  /** A new key pair: the public key (Base64 X.509) and the private key (Base64 PKCS#8). */
  public record Generated(String publicKey, String privateKey) {}

  public static Generated generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(MIN_BITS);
      KeyPair pair = generator.generateKeyPair();
      Base64.Encoder b64 = Base64.getEncoder();
      return new Generated(
          b64.encodeToString(pair.getPublic().getEncoded()),
          b64.encodeToString(pair.getPrivate().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This Java runtime cannot generate RSA keys", e);
    }
  }

  /**
   * The public key an administrator gave, normalised to Base64 X.509; 400006 naming {@code field}
   * for anything else (a private key, a certificate, another algorithm, fewer than {@value
   * #MIN_BITS} or more than {@value #MAX_BITS} bits).
   */
  public static String normalizedPublicKey(String field, String given) {
    String text = given.strip();
    if (text.contains("PRIVATE KEY")) {
      throw GigyaException.invalid(
          field, "this is a private key: give the public key, and keep the private key secret");
    }
    var pem = PEM_PUBLIC.matcher(text);
    String base64 = pem.matches() ? pem.group(1) : text;
    base64 = base64.replaceAll("\\s", "");
    byte[] der;
    try {
      der = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw GigyaException.invalid(
          field, "not a PEM public key (BEGIN PUBLIC KEY) nor Base64 of an X.509 public key");
    }
    RSAPublicKey key;
    try {
      if (!(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der))
          instanceof RSAPublicKey rsa)) {
        throw GigyaException.invalid(field, "not an RSA public key");
      }
      key = rsa;
    } catch (GeneralSecurityException | RuntimeException e) {
      if (e instanceof GigyaException g) {
        throw g;
      }
      throw GigyaException.invalid(field, "not an X.509 RSA public key (SubjectPublicKeyInfo)");
    }
    if (!key.getPublicExponent().testBit(0) || key.getPublicExponent().bitLength() < 2) {
      throw GigyaException.invalid(field, "not a usable RSA public key (its exponent)");
    }
    int bits = key.getModulus().bitLength();
    if (bits < MIN_BITS || bits > MAX_BITS) {
      throw GigyaException.invalid(
          field,
          "an RSA key of "
              + bits
              + " bits: it must have "
              + MIN_BITS
              + " to "
              + MAX_BITS
              + " bits");
    }
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  /** The stored public key (Base64 X.509, as {@link #normalizedPublicKey} made it). */
  public static RSAPublicKey publicKey(String base64) {
    try {
      return (RSAPublicKey)
          KeyFactory.getInstance("RSA")
              .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalStateException("A stored RSA public key cannot be read", e);
    }
  }
}
