package io.junction.it;

import static io.junction.it.Browser.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Only the real connection, or a trusted proxy's X-Forwarded-Proto, makes a call HTTPS. Over plain
 * HTTP no header a client can send (the WebSphere plug-in's private headers, X-Forwarded-Proto and
 * its cousins) lets a secret in clear, an oauth_token or socialize.getToken through. The test
 * server trusts the proxy 127.0.0.2 (junction.trusted-proxies), which the tests reach by binding
 * their socket to that loopback address.
 */
class TransportIT {

  private static final String TRUSTED_PROXY = "127.0.0.2";

  /** Each a header block a client could send to pass for HTTPS. */
  private static final List<String> SPOOFS =
      List.of(
          "$WSIS: true",
          "$WSIS: True",
          "$WSSC: https",
          "$WSPR: HTTP/1.1\r\n$WSSC: https\r\n$WSIS: true",
          "$WSRA: " + TRUSTED_PROXY + "\r\nX-Forwarded-Proto: https",
          "$WSRA: " + TRUSTED_PROXY + "\r\n$WSIS: true",
          "$WSSN: localhost\r\n$WSSP: 443\r\n$WSSC: https",
          "$WSCS: TLS_AES_128_GCM_SHA256\r\n$WSIS: true",
          "X-Forwarded-Proto: https",
          "X-Forwarded-Proto: https\r\nX-Forwarded-For: " + TRUSTED_PROXY,
          "Forwarded: for=" + TRUSTED_PROXY + ";proto=https",
          "X-Forwarded-Ssl: on",
          "Front-End-Https: on",
          "X-Url-Scheme: https",
          "X-Forwarded-Scheme: https");

  private static Sites.Site site;
  private static String token;

  @BeforeAll
  static void siteAndToken() {
    site = Sites.withOdnoklassniki();
    token = Sites.token(site, "grant_type=none");
  }

  private static void assertRefused(RawHttp.Answer r, int code, String spoof) {
    JsonObject body = r.json();
    assertEquals(code, body.getInt("errorCode"), spoof + " -> " + r.body());
  }

  private static String secretForm() {
    return "apiKey=" + enc(site.apiKey()) + "&secret=" + enc(site.secret()) + "&UID=nobody";
  }

  private static String tokenForm(String grant) {
    return "client_id="
        + enc(site.apiKey())
        + "&client_secret="
        + enc(site.secret())
        + "&grant_type="
        + grant;
  }

  @Test
  void noHeaderMakesPlainHttpPassForHttps() {
    for (String spoof : SPOOFS) {
      assertRefused(
          RawHttp.postForm(null, "/socialize.getUserInfo", spoof, secretForm()), 403006, spoof);
      assertRefused(
          RawHttp.send(
              null,
              "GET /socialize.getUserInfo?oauth_token=" + enc(token) + " HTTP/1.1\r\n" + spoof,
              null),
          403025,
          spoof);
      assertRefused(
          RawHttp.send(
              null,
              "GET /socialize.getUserInfo HTTP/1.1\r\nAuthorization: OAuth "
                  + token
                  + "\r\n"
                  + spoof,
              null),
          403025,
          spoof);
      assertRefused(
          RawHttp.postForm(null, "/socialize.getToken", spoof, tokenForm("none")), 403006, spoof);
      assertRefused(
          RawHttp.postForm(
              null,
              "/socialize.getToken",
              spoof,
              "client_id=" + enc(site.apiKey()) + "&grant_type=none"),
          400001,
          spoof);
    }
  }

  @Test
  void aTrustedProxysForwardedProtoIsBelieved() {
    RawHttp.Answer issued =
        RawHttp.postForm(
            TRUSTED_PROXY, "/socialize.getToken", "X-Forwarded-Proto: https", tokenForm("none"));
    assertEquals(0, issued.json().getInt("errorCode"), issued.body());
    // Past the HTTPS rule: the secret is checked, then the (unknown) user.
    assertEquals(
        403005,
        RawHttp.postForm(
                TRUSTED_PROXY, "/socialize.getUserInfo", "X-Forwarded-Proto: https", secretForm())
            .json()
            .getInt("errorCode"));
    // Past the HTTPS rule: the token is known, and belongs to no logged-in user.
    assertEquals(
        403012,
        RawHttp.send(
                TRUSTED_PROXY,
                "GET /socialize.getUserInfo?oauth_token="
                    + enc(token)
                    + " HTTP/1.1\r\nX-Forwarded-Proto: https",
                null)
            .json()
            .getInt("errorCode"));
  }

  @Test
  void aTrustedProxyStillNeedsToSayHttps() {
    for (String header : List.of("", "X-Forwarded-Proto: http", "$WSIS: true", "$WSSC: https")) {
      assertRefused(
          RawHttp.postForm(TRUSTED_PROXY, "/socialize.getToken", header, tokenForm("none")),
          403006,
          "from the proxy: " + header);
    }
  }

  @Test
  void overRealHttpsAnUntrustedForwardedProtoChangesNothing() {
    JsonObject issued =
        Junction.json(
            Junction.send(
                HttpRequest.newBuilder(URI.create(Junction.HTTPS + "/socialize.getToken"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Forwarded-Proto", "http")
                    .POST(HttpRequest.BodyPublishers.ofString(tokenForm("none")))));
    assertEquals(0, issued.getInt("errorCode"), issued.toString());
  }
}
