package io.junction.it;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/** A self-signed X.509 certificate (SHA256withRSA, a year) for a test key pair, in PEM. */
final class SelfSigned {

  private SelfSigned() {}

  static String pem(KeyPair keys, String commonName) {
    try {
      byte[] alg =
          seq(tlv(0x06, new byte[] {42, -122, 72, -122, -9, 13, 1, 1, 11}), new byte[] {5, 0});
      byte[] name =
          seq(
              tlv(
                  0x31,
                  seq(
                      tlv(0x06, new byte[] {85, 4, 3}),
                      tlv(0x0c, commonName.getBytes(StandardCharsets.UTF_8)))));
      ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(5);
      DateTimeFormatter f = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");
      byte[] validity =
          seq(
              tlv(0x17, now.format(f).getBytes(StandardCharsets.US_ASCII)),
              tlv(0x17, now.plusYears(1).format(f).getBytes(StandardCharsets.US_ASCII)));
      byte[] tbs =
          seq(
              tlv(0xa0, tlv(0x02, new byte[] {2})),
              tlv(0x02, BigInteger.valueOf(System.nanoTime()).toByteArray()),
              alg,
              name,
              validity,
              name,
              keys.getPublic().getEncoded());
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(keys.getPrivate());
      s.update(tbs);
      byte[] sig = s.sign();
      byte[] bits = new byte[sig.length + 1];
      System.arraycopy(sig, 0, bits, 1, sig.length);
      byte[] cert = seq(tbs, alg, tlv(0x03, bits));
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(cert)
          + "\n-----END CERTIFICATE-----\n";
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] seq(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return tlv(0x30, out.toByteArray());
  }

  private static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int n = content.length;
    if (n < 0x80) {
      out.write(n);
    } else if (n < 0x100) {
      out.write(0x81);
      out.write(n);
    } else {
      out.write(0x82);
      out.write(n >> 8);
      out.write(n);
    }
    out.writeBytes(content);
    return out.toByteArray();
  }
}
