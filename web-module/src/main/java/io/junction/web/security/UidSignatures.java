package io.junction.web.security;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code UIDSignature} and {@code signatureTimestamp} fields of an answer about a user. */
public final class UidSignatures {

  private UidSignatures() {}

  /** A signature of the UID made now with the (site's or application key's) secret. */
  public static Map<String, Object> fresh(String secret, String uid) {
    long now = Instant.now().getEpochSecond();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("UIDSignature", GigyaSignature.uidSignature(secret, now, uid));
    m.put("signatureTimestamp", Long.toString(now));
    return m;
  }
}
