package io.junction.it;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A server-side Gigya client of the tests, signing as the official Java SDK does (GSRequest +
 * SigUtils): apiKey (+ userKey), timestamp, nonce, format, httpStatusCodes and sdk, sorted, the
 * base string over the URL it addresses, HMAC-SHA1 with the Base64-decoded secret, POSTed as a
 * form.
 */
final class GigyaSigner {

  final String apiKey;
  final String secret;
  final String userKey;

  /** The URL the signature names; null: the one the request goes to. */
  String signedBase;

  Long timestamp;
  String nonce;

  GigyaSigner(String apiKey, String secret, String userKey) {
    this.apiKey = apiKey;
    this.secret = secret;
    this.userKey = userKey;
  }

  HttpResponse<String> send(String base, String method, Map<String, String> params) {
    TreeMap<String, String> p = new TreeMap<>(params);
    if (apiKey != null && !p.containsKey("oauth_token")) {
      p.put("apiKey", apiKey);
    }
    if (userKey != null) {
      p.put("userKey", userKey);
    }
    p.putIfAbsent("format", "json");
    p.put("httpStatusCodes", "false");
    p.put("sdk", "java_3.2.4");
    p.put(
        "timestamp",
        Long.toString(timestamp != null ? timestamp : System.currentTimeMillis() / 1000));
    p.put(
        "nonce",
        nonce != null
            ? nonce
            : System.currentTimeMillis() + "_" + ThreadLocalRandom.current().nextInt());
    String url = (signedBase != null ? signedBase : base) + "/" + method;
    p.put("sig", sign(secret, "POST", url, p));
    return Junction.send(
        HttpRequest.newBuilder(URI.create(base + "/" + method))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(p))));
  }

  static String sign(String secret, String httpMethod, String url, Map<String, String> params) {
    StringJoiner q = new StringJoiner("&");
    new TreeMap<>(params)
        .forEach(
            (k, v) -> {
              if (!k.equals("sig")) {
                q.add(k + "=" + enc(v));
              }
            });
    URI u = URI.create(url);
    int port = u.getPort();
    boolean dflt =
        port == -1
            || (u.getScheme().equals("http") && port == 80)
            || (u.getScheme().equals("https") && port == 443);
    String normalized =
        u.getScheme().toLowerCase()
            + "://"
            + u.getHost().toLowerCase()
            + (dflt ? "" : ":" + port)
            + u.getRawPath();
    String base = httpMethod + "&" + enc(normalized) + "&" + enc(q.toString());
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }

  static String form(Map<String, String> p) {
    StringJoiner j = new StringJoiner("&");
    p.forEach(
        (k, v) ->
            j.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return j.toString();
  }

  static String uidSignature(String secret, String timestamp, String uid) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret), "HmacSHA1"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal((timestamp + "_" + uid).getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
