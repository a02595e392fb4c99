package io.junction.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A browser of the tests: its own cookie jar, following no redirect by itself. */
final class Browser {

  static final String SITE_PAGE = "https://shop.example.com/after-login";

  final CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  final HttpClient client =
      HttpClient.newBuilder()
          .cookieHandler(jar)
          .sslContext(Junction.trustAll())
          .sslParameters(Junction.noHostnameCheck())
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  HttpResponse<String> get(String url) {
    try {
      return client.send(
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError("GET " + url + " failed: " + e, e);
    }
  }

  /** A form POST, as a page's form sends it. */
  HttpResponse<String> post(String url, String form) {
    try {
      return client.send(
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError("POST " + url + " failed: " + e, e);
    }
  }

  static String location(HttpResponse<String> r) {
    assertEquals(302, r.statusCode(), "a redirect expected: " + r.body());
    return r.headers().firstValue("Location").orElseThrow();
  }

  /**
   * Puts a cookie into this browser's jar as if {@code origin} had set it with this Set-Cookie
   * header: what a page of another origin could have planted.
   */
  void plant(String origin, String setCookie) {
    try {
      jar.put(URI.create(origin + "/"), Map.of("Set-Cookie", java.util.List.of(setCookie)));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  HttpCookie cookie(String name) {
    return jar.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .findFirst()
        .orElse(null);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The first leg: socialize.login (or another start URL) to the provider's page. */
  String start(String junctionUrl) {
    return location(get(junctionUrl));
  }

  static String loginUrl(String apiKey, String params) {
    return Junction.HTTPS
        + "/socialize.login?x_provider=odnoklassniki&client_id="
        + enc(apiKey)
        + "&redirect_uri="
        + enc(SITE_PAGE)
        + "&response_type=code&state=st-1"
        + params;
  }

  static String connectUrl(String token, String params) {
    return Junction.HTTPS
        + "/socialize.addConnection?x_provider=odnoklassniki&oauth_token="
        + enc(token)
        + "&redirect_uri="
        + enc(SITE_PAGE)
        + "&response_type=code&state=cn-1"
        + params;
  }

  /**
   * The whole round trip from a Junction start URL: to the stand-in (where {@code user} consents),
   * back to the callback, and on to the site's page, whose URL is returned.
   */
  String roundTrip(String junctionUrl, OkStandIn.User user) {
    String providerPage = start(junctionUrl);
    assertTrue(providerPage.startsWith("http://localhost:"), providerPage);
    OkStandIn.get().consentAs(user);
    String callback = location(get(providerPage));
    assertTrue(callback.startsWith(Junction.HTTPS + "/GS/GSLogin.aspx?"), callback);
    return location(get(callback));
  }

  /** The parameters Junction appended to the site's page (query, or fragment for tokens). */
  static Map<String, String> answer(String sitePageUrl) {
    assertTrue(sitePageUrl.startsWith(SITE_PAGE), sitePageUrl);
    URI u = URI.create(sitePageUrl);
    return OkStandIn.query(u.getRawFragment() != null ? u.getRawFragment() : u.getRawQuery());
  }
}
