package io.junction.it;

import static io.junction.it.Junction.HTTPS;
import static io.junction.it.Junction.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * A token is bound by the client that minted it: an application key's token carries only the key's
 * permissions and ends with the key; a site-secret token ends with a secret rotation only when the
 * site asks for it.
 */
class TokenClientsIT {

  private static JsonObject applicationKey(Sites.Site site, String permissions) {
    HttpResponse<String> r =
        Junction.admin(
            "POST",
            "/admin/sites/" + site.apiKey() + "/applications",
            "{\"name\":\"app\",\"permissions\":" + permissions + "}");
    assertEquals(201, r.statusCode(), r.body());
    return json(r);
  }

  private static JsonObject getTokenWithKey(Sites.Site site, JsonObject app, String uid) {
    return json(
        Junction.postForm(
            HTTPS + "/socialize.getToken",
            "client_id="
                + Browser.enc(site.apiKey())
                + "&userKey="
                + Browser.enc(app.getString("userKey"))
                + "&secret="
                + Browser.enc(app.getString("secret"))
                + "&grant_type=client_credentials&x_siteUID="
                + uid));
  }

  @Test
  void anApplicationKeyWithoutTheGetTokenPermissionGetsNoToken() {
    Sites.Site site = Sites.withOdnoklassniki();
    JsonObject app = applicationKey(site, "[\"socialize.exchangeUIDSignature\"]");
    JsonObject answer = getTokenWithKey(site, app, "victim-" + System.nanoTime());
    assertEquals(403007, answer.getInt("errorCode"), answer.toString());
    assertFalse(answer.containsKey("access_token"), answer.toString());
  }

  @Test
  void anApplicationKeysTokenCarriesOnlyItsPermissionsAndEndsWithTheKey() {
    Sites.Site site = Sites.withOdnoklassniki();
    JsonObject app = applicationKey(site, "[\"socialize.getToken\",\"socialize.getUserInfo\"]");
    String uid = "user-" + System.nanoTime();
    JsonObject issued = getTokenWithKey(site, app, uid);
    assertEquals(0, issued.getInt("errorCode"), issued.toString());
    String token = issued.getString("access_token");

    assertEquals(uid, Sites.call("socialize.getUserInfo", token, "").getString("UID"));
    JsonObject session = Sites.call("socialize.getSessionInfo", token, "&provider=odnoklassniki");
    assertEquals(403007, session.getInt("errorCode"), session.toString());
    JsonObject logout = Sites.call("socialize.logout", token, "");
    assertEquals(403007, logout.getInt("errorCode"), logout.toString());

    HttpResponse<String> deleted =
        Junction.admin(
            "DELETE",
            "/admin/sites/" + site.apiKey() + "/applications/" + app.getString("userKey"),
            null);
    assertEquals(204, deleted.statusCode(), deleted.body());
    JsonObject after = Sites.call("socialize.getUserInfo", token, "");
    assertEquals(403005, after.getInt("errorCode"), after.toString());
  }

  @Test
  void siteSecretTokensSurviveARotationUnlessTheSiteAsks() {
    Sites.Site keeps = Sites.withOdnoklassniki();
    String kept = Sites.token(keeps, "grant_type=client_credentials&x_siteUID=u1");
    rotate(keeps);
    assertEquals("u1", Sites.call("socialize.getUserInfo", kept, "").getString("UID"));

    Sites.Site ends = Sites.withOdnoklassniki(",\"revokeTokensOnSecretRotation\":true", "");
    JsonObject view = json(Junction.admin("GET", "/admin/sites/" + ends.apiKey(), null));
    assertTrue(view.getBoolean("revokeTokensOnSecretRotation"), view.toString());
    String ended = Sites.token(ends, "grant_type=client_credentials&x_siteUID=u2");
    String secret = rotate(ends);
    JsonObject refused = Sites.call("socialize.getUserInfo", ended, "");
    assertEquals(403005, refused.getInt("errorCode"), refused.toString());
    String fresh =
        Sites.token(
            new Sites.Site(ends.apiKey(), secret), "grant_type=client_credentials&x_siteUID=u2");
    assertEquals("u2", Sites.call("socialize.getUserInfo", fresh, "").getString("UID"));
  }

  private static String rotate(Sites.Site site) {
    HttpResponse<String> r =
        Junction.admin("POST", "/admin/sites/" + site.apiKey() + "/secret", null);
    assertEquals(200, r.statusCode(), r.body());
    return json(r).getString("secret");
  }
}
