package io.junction.provider.support;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key of a stand-in OpenID Connect provider, for scripts of its answers: {@code <<claims>>}
 * becomes an id_token of those claims (any bytes) signed with RS256 under key {@code k1}, and
 * {@code {{jwk}}} that key as a JSON Web Key.
 */
public final class SignedTokens {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final KeyPair KEY = generate();
  private static final Pattern TOKEN = Pattern.compile("<<(.*?)>>", Pattern.DOTALL);

  private SignedTokens() {}

  private static KeyPair generate() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The script with its tokens signed and its keys written out. */
  public static String expand(String script) {
    Matcher m = TOKEN.matcher(script);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(idToken(m.group(1))));
    }
    m.appendTail(out);
    return out.toString().replace("{{jwk}}", jwk());
  }

  /** A compact JWS of {@code claims} (taken as they are, JSON or not), signed with the key. */
  public static String idToken(String claims) {
    String signed =
        B64.encodeToString(
                "{\"alg\":\"RS256\",\"kid\":\"k1\",\"typ\":\"JWT\"}"
                    .getBytes(StandardCharsets.UTF_8))
            + "."
            + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(KEY.getPrivate());
      s.update(signed.getBytes(StandardCharsets.US_ASCII));
      return signed + "." + B64.encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The public key as a JSON Web Key with kid {@code k1}. */
  public static String jwk() {
    RSAPublicKey k = (RSAPublicKey) KEY.getPublic();
    return "{\"kty\":\"RSA\",\"kid\":\"k1\",\"alg\":\"RS256\",\"n\":\""
        + unsigned(k.getModulus())
        + "\",\"e\":\""
        + unsigned(k.getPublicExponent())
        + "\"}";
  }

  private static String unsigned(BigInteger i) {
    byte[] b = i.toByteArray();
    return B64.encodeToString(b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b);
  }
}
