package io.junction.web.saml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * X.509 certificates of SAML: an identity provider's signing certificates as an administrator
 * pastes them (PEM, or the Base64 of metadata), and the self-signed certificate of a site's service
 * provider key pair, written with the JDK alone (a minimal DER encoder; the JDK has no public API
 * for it).
 */
public final class SamlCertificates {

  private static final Pattern PEM =
      Pattern.compile("-----BEGIN CERTIFICATE-----([^-]*)-----END CERTIFICATE-----");

  /** The smallest RSA key accepted for an identity provider's signatures. */
  static final int MIN_RSA_BITS = 2048;

  private SamlCertificates() {}

  /** A site's service-provider key pair: the private key and its self-signed certificate. */
  public record SpKeyPair(PrivateKey privateKey, X509Certificate certificate) {}

  /**
   * The certificates in an administrator's text: one or more PEM blocks, or one Base64 DER
   * certificate. {@link IllegalArgumentException} (with a reason) for anything else, for a key
   * other than RSA of at least 2048 bits or EC, and for more than 4 certificates.
   */
  public static List<X509Certificate> parse(String text) {
    List<String> blocks = new ArrayList<>();
    Matcher m = PEM.matcher(text);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    if (blocks.isEmpty()) {
      blocks.add(text);
    }
    if (blocks.size() > 4) {
      throw new IllegalArgumentException("more than 4 certificates");
    }
    List<X509Certificate> certs = new ArrayList<>();
    for (String b : blocks) {
      certs.add(decode(b));
    }
    return certs;
  }

  /** One certificate from its Base64 DER (white space ignored). */
  public static X509Certificate decode(String base64) {
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(base64.replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a PEM or Base64 certificate");
    }
    if (der.length == 0) {
      throw new IllegalArgumentException("not a PEM or Base64 certificate");
    }
    X509Certificate cert;
    try {
      cert =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException | ClassCastException e) {
      throw new IllegalArgumentException("not an X.509 certificate");
    }
    PublicKey key = cert.getPublicKey();
    if (key instanceof RSAPublicKey rsa) {
      if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
        throw new IllegalArgumentException("an RSA key shorter than " + MIN_RSA_BITS + " bits");
      }
    } else if (!(key instanceof ECPublicKey)) {
      throw new IllegalArgumentException("neither an RSA nor an EC key");
    }
    return cert;
  }

  /** The Base64 of a certificate's DER, as metadata and storage hold it. */
  public static String base64(X509Certificate cert) {
    try {
      return Base64.getEncoder().encodeToString(cert.getEncoded());
    } catch (CertificateException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The PKCS#8 private key of its Base64. */
  public static PrivateKey privateKey(String base64) {
    try {
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("not an RSA private key", e);
    }
  }

  /**
   * A new RSA 3072 key pair and its self-signed certificate (SHA256withRSA), valid ten years, its
   * subject {@code CN=<commonName>}.
   */
  public static SpKeyPair generate(String commonName) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(3072, new SecureRandom());
      KeyPair pair = g.generateKeyPair();
      return new SpKeyPair(pair.getPrivate(), selfSigned(pair, commonName));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a key pair", e);
    }
  }

  /** A self-signed certificate (SHA256withRSA) of an RSA key pair, valid ten years. */
  static X509Certificate selfSigned(KeyPair pair, String commonName) {
    try {
      ZonedDateTime from = ZonedDateTime.now(ZoneOffset.UTC).withNano(0).minusMinutes(5);
      byte[] serial = new byte[16];
      new SecureRandom().nextBytes(serial);
      serial[0] &= 0x7f;
      byte[] algorithm = seq(oid(SHA256_WITH_RSA), new byte[] {0x05, 0x00});
      byte[] name = seq(set(seq(oid(COMMON_NAME), utf8(commonName))));
      byte[] tbs =
          seq(
              tagged(0, integer(BigInteger.valueOf(2))),
              integer(new BigInteger(serial)),
              algorithm,
              name,
              seq(time(from), time(from.plusYears(10))),
              name,
              pair.getPublic().getEncoded());
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(pair.getPrivate());
      s.update(tbs);
      byte[] signature = s.sign();
      byte[] bitString = new byte[signature.length + 1];
      System.arraycopy(signature, 0, bitString, 1, signature.length);
      byte[] cert = seq(tbs, algorithm, tlv(0x03, bitString));
      X509Certificate x509 =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(cert));
      x509.verify(pair.getPublic());
      return x509;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make a certificate", e);
    }
  }

  private static final int[] SHA256_WITH_RSA = {1, 2, 840, 113549, 1, 1, 11};
  private static final int[] COMMON_NAME = {2, 5, 4, 3};

  private static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int n = content.length;
    if (n < 0x80) {
      out.write(n);
    } else if (n < 0x100) {
      out.write(0x81);
      out.write(n);
    } else if (n < 0x10000) {
      out.write(0x82);
      out.write(n >> 8);
      out.write(n);
    } else {
      out.write(0x83);
      out.write(n >> 16);
      out.write(n >> 8);
      out.write(n);
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static byte[] seq(byte[]... parts) {
    return tlv(0x30, concat(parts));
  }

  private static byte[] set(byte[]... parts) {
    return tlv(0x31, concat(parts));
  }

  private static byte[] tagged(int n, byte[] content) {
    return tlv(0xa0 | n, content);
  }

  private static byte[] integer(BigInteger v) {
    return tlv(0x02, v.toByteArray());
  }

  private static byte[] utf8(String s) {
    return tlv(0x0c, s.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] time(ZonedDateTime t) {
    // UTCTime until 2049, GeneralizedTime after (RFC 5280 4.1.2.5).
    if (t.getYear() < 2050) {
      return tlv(
          0x17,
          t.format(DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'"))
              .getBytes(StandardCharsets.US_ASCII));
    }
    return tlv(
        0x18,
        t.format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'"))
            .getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] oid(int[] arcs) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(arcs[0] * 40 + arcs[1]);
    for (int i = 2; i < arcs.length; i++) {
      int v = arcs[i];
      byte[] tmp = new byte[5];
      int k = tmp.length;
      tmp[--k] = (byte) (v & 0x7f);
      v >>>= 7;
      while (v > 0) {
        tmp[--k] = (byte) ((v & 0x7f) | 0x80);
        v >>>= 7;
      }
      out.write(tmp, k, tmp.length - k);
    }
    return tlv(0x06, out.toByteArray());
  }
}
