package io.junction.provider.odnoklassniki;

import io.junction.provider.support.Digests;
import java.util.Map;
import java.util.TreeMap;

/**
 * Odnoklassniki's request signature: {@code sig = md5(sorted "k=v" pairs, without access_token,
 * session_key and sig, joined with nothing + md5(access_token + application secret key))}, all in
 * lower-case hex.
 */
public final class OdnoklassnikiSignature {

  private OdnoklassnikiSignature() {}

  public static String sign(Map<String, String> params, String accessToken, String secretKey) {
    StringBuilder base = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
      String k = e.getKey();
      if (k.equals("access_token") || k.equals("session_key") || k.equals("sig")) {
        continue;
      }
      base.append(k).append('=').append(e.getValue());
    }
    String sessionSecret = Digests.md5Hex(accessToken + secretKey);
    return Digests.md5Hex(base + sessionSecret);
  }
}
