package io.junction.it;

import static io.junction.it.Junction.admin;
import static io.junction.it.Junction.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/** Sites of the flow tests, configured with the Odnoklassniki stand-in's app. */
final class Sites {

  record Site(String apiKey, String secret) {}

  private Sites() {}

  static Site withOdnoklassniki(String siteExtra, String providerExtra) {
    HttpResponse<String> created =
        admin(
            "POST",
            "/admin/sites",
            "{\"name\":\"Flow "
                + UUID.randomUUID()
                + "\",\"domains\":[\"shop.example.com\"]"
                + siteExtra
                + "}");
    assertEquals(201, created.statusCode(), created.body());
    JsonObject site = json(created);
    String apiKey = site.getString("apiKey");
    HttpResponse<String> ok =
        admin(
            "PUT",
            "/admin/sites/" + apiKey + "/providers/odnoklassniki",
            "{\"appId\":\""
                + OkStandIn.APP_ID
                + "\",\"publicKey\":\""
                + OkStandIn.PUBLIC_KEY
                + "\",\"secretKey\":\""
                + OkStandIn.SECRET_KEY
                + "\""
                + providerExtra
                + "}");
    assertEquals(201, ok.statusCode(), ok.body());
    return new Site(apiKey, site.getString("secret"));
  }

  static Site withOdnoklassniki() {
    return withOdnoklassniki("", "");
  }

  /** socialize.getToken with client_id and client_secret in the form. */
  static HttpResponse<String> getToken(Site site, String form) {
    return Junction.send(
        HttpRequest.newBuilder(URI.create(Junction.HTTPS + "/socialize.getToken"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "client_id="
                        + Browser.enc(site.apiKey())
                        + "&client_secret="
                        + Browser.enc(site.secret())
                        + "&"
                        + form)));
  }

  static String token(Site site, String form) {
    HttpResponse<String> r = getToken(site, form);
    JsonObject body = json(r);
    assertEquals(0, body.getInt("errorCode"), r.body());
    return body.getString("access_token");
  }

  /** The oauth_token for a code that reached the site's page (getToken, authorization_code). */
  static String tokenForCode(Site site, String code) {
    return token(
        site,
        "grant_type=authorization_code&code="
            + Browser.enc(code)
            + "&redirect_uri="
            + Browser.enc(Browser.SITE_PAGE));
  }

  /** A site on shop.example.com with one provider configured (app ID and secret key). */
  static Site withProvider(String provider, String appId, String secretKey) {
    HttpResponse<String> created =
        admin(
            "POST",
            "/admin/sites",
            "{\"name\":\""
                + provider
                + " "
                + UUID.randomUUID()
                + "\",\"domains\":[\"shop.example.com\"]}");
    assertEquals(201, created.statusCode(), created.body());
    JsonObject site = json(created);
    HttpResponse<String> put =
        admin(
            "PUT",
            "/admin/sites/" + site.getString("apiKey") + "/providers/" + provider,
            "{\"appId\":\"" + appId + "\",\"secretKey\":\"" + secretKey + "\"}");
    assertEquals(201, put.statusCode(), put.body());
    return new Site(site.getString("apiKey"), site.getString("secret"));
  }

  /** A server method with the token, over HTTPS. */
  static JsonObject call(String method, String token, String params) {
    return json(
        Junction.get(
            Junction.HTTPS + "/" + method + "?oauth_token=" + Browser.enc(token) + params));
  }
}
