package io.junction.it;

import static io.junction.it.Junction.HTTPS;
import static io.junction.it.Junction.admin;
import static io.junction.it.Junction.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The admin API: sites and provider configurations, against the running server. */
class AdminApiIT {

  static JsonObject createSite(String name, String extra) {
    HttpResponse<String> r =
        admin(
            "POST",
            "/admin/sites",
            "{\"name\":\""
                + name
                + "\",\"domains\":[\"Example.COM\",\"shop.example.org.\"]"
                + extra
                + "}");
    assertEquals(201, r.statusCode(), r.body());
    return json(r);
  }

  @Test
  void createdSiteShowsItsSecretOnceAndNeverAgain() {
    JsonObject site = createSite("Shop " + UUID.randomUUID(), ",\"cname\":\"Login.Example.com\"");
    String apiKey = site.getString("apiKey");
    String secret = site.getString("secret");
    assertTrue(apiKey.matches("3_[A-Za-z0-9_-]{40,}"), apiKey);
    assertEquals(24, Base64.getDecoder().decode(secret).length);
    assertEquals("[\"example.com\",\"shop.example.org\"]", site.getJsonArray("domains").toString());
    assertEquals("login.example.com", site.getString("cname"));
    assertEquals("us1", site.getString("dataCenter"));
    assertFalse(site.getBoolean("retrieveContacts"));

    HttpResponse<String> read = admin("GET", "/admin/sites/" + apiKey, null);
    assertEquals(200, read.statusCode());
    assertFalse(read.body().contains(secret));
    assertFalse(json(read).containsKey("secret"));
    HttpResponse<String> list = admin("GET", "/admin/sites", null);
    assertTrue(list.body().contains(apiKey));
    assertFalse(list.body().contains(secret));
  }

  @Test
  void updateRotateAndDelete() {
    JsonObject site = createSite("Before", "");
    String apiKey = site.getString("apiKey");
    HttpResponse<String> put =
        admin(
            "PUT",
            "/admin/sites/" + apiKey,
            "{\"name\":\"After\",\"domains\":[\"b.example\"],\"dataCenter\":\"EU1\",\"retrieveContacts\":true}");
    assertEquals(200, put.statusCode(), put.body());
    JsonObject read = json(admin("GET", "/admin/sites/" + apiKey, null));
    assertEquals("After", read.getString("name"));
    assertEquals("eu1", read.getString("dataCenter"));
    assertTrue(read.getBoolean("retrieveContacts"));
    assertEquals("[\"b.example\"]", read.getJsonArray("domains").toString());
    assertFalse(read.containsKey("cname"));

    HttpResponse<String> rotated = admin("POST", "/admin/sites/" + apiKey + "/secret", null);
    assertEquals(200, rotated.statusCode());
    String newSecret = json(rotated).getString("secret");
    assertNotEquals(site.getString("secret"), newSecret);
    assertEquals(24, Base64.getDecoder().decode(newSecret).length);

    assertEquals(204, admin("DELETE", "/admin/sites/" + apiKey, null).statusCode());
    HttpResponse<String> gone = admin("GET", "/admin/sites/" + apiKey, null);
    assertEquals(404, gone.statusCode());
    assertEquals(404000, json(gone).getInt("errorCode"));
    assertEquals(404, admin("DELETE", "/admin/sites/" + apiKey, null).statusCode());
  }

  @Test
  void badSiteInputIsRefusedWithTheFieldNamed() {
    assertError(
        admin("POST", "/admin/sites", "{\"domains\":[\"a.example\"]}"), 400, 400002, "name");
    assertError(admin("POST", "/admin/sites", "{\"name\":\"x\"}"), 400, 400002, "domains");
    assertError(
        admin("POST", "/admin/sites", "{\"name\":\"x\",\"domains\":[]}"), 400, 400002, "domains");
    assertError(
        admin("POST", "/admin/sites", "{\"name\":\"x\",\"domains\":\"a.example\"}"),
        400,
        400006,
        "domains");
    assertError(
        admin("POST", "/admin/sites", "{\"name\":\"x\",\"domains\":[\"https://a.example/path\"]}"),
        400,
        400006,
        "domains");
    assertError(
        admin(
            "POST",
            "/admin/sites",
            "{\"name\":\"x\",\"domains\":[\"a.example\"],\"dataCenter\":\"mars1\"}"),
        400,
        400006,
        "dataCenter");
    assertError(
        admin(
            "POST",
            "/admin/sites",
            "{\"name\":\"x\",\"domains\":[\"a.example\"],\"retrieveContacts\":\"yes\"}"),
        400,
        400006,
        "retrieveContacts");
    assertError(
        admin(
            "POST",
            "/admin/sites",
            "{\"name\":\"x\",\"domains\":[\"a.example\"],\"secret\":\"mine\"}"),
        400,
        400006,
        "secret");
    assertError(admin("POST", "/admin/sites", "{\"name\":"), 400, 400004, "JSON");
    assertError(admin("POST", "/admin/sites", "[1,2]"), 400, 400004, "object");
    assertError(admin("POST", "/admin/sites", null), 400, 400004, "empty");
    assertError(
        admin("POST", "/admin/sites", "{\"name\":\"" + "n".repeat(70_000) + "\"}"),
        413,
        413001,
        "larger");
  }

  @Test
  void aSiteKeepsItsFlowPolicies() {
    JsonObject defaults =
        json(admin("POST", "/admin/sites", "{\"name\":\"p\",\"domains\":[\"a.example\"]}"));
    assertEquals(0, defaults.getJsonArray("redirectUris").size());
    assertTrue(defaults.getBoolean("allowImplicit"));
    assertFalse(defaults.getBoolean("requirePkce"));
    assertTrue(defaults.getBoolean("connectConfirmation"));
    assertEquals("confirm", defaults.getString("guestMerge"));
    assertFalse(defaults.getBoolean("revokeTokensOnSecretRotation"));

    String body =
        "{\"name\":\"p\",\"domains\":[\"a.example\"],"
            + "\"redirectUris\":[\"https://a.example/back\",\"https://www.a.example/x?y=1\"],"
            + "\"allowImplicit\":false,\"requirePkce\":true,\"connectConfirmation\":false,"
            + "\"guestMerge\":\"NEVER\",\"revokeTokensOnSecretRotation\":true}";
    String apiKey = defaults.getString("apiKey");
    assertEquals(200, admin("PUT", "/admin/sites/" + apiKey, body).statusCode());
    JsonObject read = json(admin("GET", "/admin/sites/" + apiKey, null));
    assertEquals(
        List.of("https://a.example/back", "https://www.a.example/x?y=1"),
        read.getJsonArray("redirectUris").getValuesAs(JsonString::getString));
    assertFalse(read.getBoolean("allowImplicit"));
    assertTrue(read.getBoolean("requirePkce"));
    assertFalse(read.getBoolean("connectConfirmation"));
    assertEquals("never", read.getString("guestMerge"));
    assertTrue(read.getBoolean("revokeTokensOnSecretRotation"));

    assertError(
        admin(
            "PUT",
            "/admin/sites/" + apiKey,
            "{\"name\":\"p\",\"domains\":[\"a.example\"],\"guestMerge\":\"sometimes\"}"),
        400,
        400006,
        "guestMerge");
    for (String bad :
        List.of("https://evil.example/back", "http://a.example/back", "https://a.example/#f")) {
      assertError(
          admin(
              "PUT",
              "/admin/sites/" + apiKey,
              "{\"name\":\"p\",\"domains\":[\"a.example\"],\"redirectUris\":[\"" + bad + "\"]}"),
          400,
          400006,
          "redirectUris");
    }
  }

  @Test
  void refusedWritesLeaveNothingBehind() {
    int before = json(admin("GET", "/admin/sites", null)).getJsonArray("sites").size();
    admin("POST", "/admin/sites", "{\"name\":\"half\",\"domains\":[\"a.example\",\"bad host\"]}");
    assertEquals(before, json(admin("GET", "/admin/sites", null)).getJsonArray("sites").size());

    String apiKey = createSite("Keep", "").getString("apiKey");
    String path = "/admin/sites/" + apiKey + "/providers/odnoklassniki";
    assertEquals(
        201, admin("PUT", path, okBody("\"secretKey\":\"first-secret-1234\"")).statusCode());
    assertError(
        admin(
            "PUT",
            path,
            "{\"appId\":\"other\",\"publicKey\":\"P\",\"permissions\":[\"bad permission\"]}"),
        400,
        400006,
        "permissions");
    JsonObject still = json(admin("GET", path, null));
    assertEquals("512000", still.getString("appId"));
    assertEquals("****1234", still.getString("secretKey"));
  }

  static String okBody(String extra) {
    return "{\"appId\":\"512000\",\"publicKey\":\"CBAQPUBLICKEY\","
        + "\"permissions\":[\"VALUABLE_ACCESS\",\"LONG_ACCESS_TOKEN\"]"
        + (extra.isEmpty() ? "" : "," + extra)
        + "}";
  }

  @Test
  void odnoklassnikiWithItsThreeKeys() {
    String apiKey = createSite("OK site", ",\"cname\":\"login.example.com\"").getString("apiKey");
    String path = "/admin/sites/" + apiKey + "/providers/odnoklassniki";
    HttpResponse<String> created =
        admin(
            "PUT",
            path,
            okBody(
                "\"secretKey\":\"AB12CD34EF56GH78\",\"cnameEnabled\":true,\"secureRedirectsOnly\":false"));
    assertEquals(201, created.statusCode(), created.body());
    JsonObject p = json(created);
    assertEquals("odnoklassniki", p.getString("provider"));
    assertEquals("512000", p.getString("appId"));
    assertEquals("CBAQPUBLICKEY", p.getString("publicKey"));
    assertEquals("****GH78", p.getString("secretKey"));
    assertTrue(p.getBoolean("cnameEnabled"));
    assertFalse(p.getBoolean("secureRedirectsOnly"));
    assertTrue(p.getBoolean("enabled"));
    assertEquals(
        "[\"VALUABLE_ACCESS\",\"LONG_ACCESS_TOKEN\"]", p.getJsonArray("permissions").toString());
    assertEquals(
        java.util.List.of(
            Junction.HTTPS + "/GS/GSLogin.aspx",
            "http://login.example.com/GS/GSLogin.aspx",
            "https://login.example.com/GS/GSLogin.aspx"),
        p.getJsonArray("callbackUrls").getValuesAs(JsonString::getString));
    assertFalse(created.body().contains("AB12CD34EF56GH78"));

    // An update without secretKey keeps the stored one; secure redirects drop the http callback.
    HttpResponse<String> updated =
        admin(
            "PUT",
            path,
            okBody("\"cnameEnabled\":true,\"secureRedirectsOnly\":true,\"enabled\":false"));
    assertEquals(200, updated.statusCode(), updated.body());
    JsonObject u = json(updated);
    assertEquals("****GH78", u.getString("secretKey"));
    assertFalse(u.getBoolean("enabled"));
    assertEquals(2, u.getJsonArray("callbackUrls").size());

    HttpResponse<String> all = admin("GET", "/admin/sites/" + apiKey + "/providers", null);
    assertEquals(1, json(all).getJsonArray("providers").size());
    assertFalse(all.body().contains("AB12CD34EF56GH78"));

    assertError(
        admin("PUT", path, "{\"appId\":\"1\",\"secretKey\":\"s\"}"), 400, 400002, "publicKey");
    assertEquals(204, admin("DELETE", path, null).statusCode());
    assertEquals(404, admin("GET", path, null).statusCode());
  }

  @Test
  void providerNamesAreGigyasWithTheMessengerAlias() {
    String apiKey = createSite("Aliases", "").getString("apiKey");
    HttpResponse<String> r =
        admin(
            "PUT",
            "/admin/sites/" + apiKey + "/providers/messenger",
            "{\"appId\":\"ms-app\",\"secretKey\":\"ms-secret-value\"}");
    assertEquals(201, r.statusCode(), r.body());
    assertEquals("microsoft", json(r).getString("provider"));
    assertEquals(
        200, admin("GET", "/admin/sites/" + apiKey + "/providers/microsoft", null).statusCode());

    HttpResponse<String> unknown =
        admin(
            "PUT",
            "/admin/sites/" + apiKey + "/providers/myspace",
            "{\"appId\":\"a\",\"secretKey\":\"b\"}");
    assertError(unknown, 400, 400006, "myspace");
    for (String name :
        new String[] {"facebook", "odnoklassniki", "vkontakte", "yahoojapan", "wechat", "sina"}) {
      assertTrue(json(unknown).getString("errorDetails").contains(name), name);
    }
    assertError(
        admin(
            "PUT",
            "/admin/sites/3_nope/providers/facebook",
            "{\"appId\":\"a\",\"secretKey\":\"b\"}"),
        404,
        404000,
        "3_nope");
  }

  @Test
  void credentialsAreRequired() {
    HttpResponse<String> none = Junction.get(HTTPS + "/admin/sites");
    assertError(none, 401, 400008, "Basic");
    assertTrue(none.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Basic"));

    String wrong =
        "Basic "
            + Base64.getEncoder().encodeToString("admin:nope".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> bad =
        Junction.send(
            HttpRequest.newBuilder(URI.create(HTTPS + "/admin/sites"))
                .header("Authorization", wrong));
    assertError(bad, 401, 403005, "Wrong");

    HttpResponse<String> fromConsole =
        Junction.send(
            HttpRequest.newBuilder(URI.create(HTTPS + "/admin/sites"))
                .header("Authorization", wrong)
                .header("X-Requested-With", "junction-console"));
    assertEquals(401, fromConsole.statusCode());
    assertTrue(fromConsole.headers().firstValue("WWW-Authenticate").isEmpty());
  }

  @Test
  void secretsAreEncryptedAtRestAndNeverLogged() throws Exception {
    String marker = "Marker-" + UUID.randomUUID();
    JsonObject site = createSite(marker, "");
    String apiKey = site.getString("apiKey");
    String providerSecret = "ProviderSecret-" + UUID.randomUUID();
    assertEquals(
        201,
        admin(
                "PUT",
                "/admin/sites/" + apiKey + "/providers/vkontakte",
                "{\"appId\":\"vk1\",\"secretKey\":\"" + providerSecret + "\"}")
            .statusCode());

    Path server = Path.of(Junction.SERVER_DIR);
    // The site name is stored in clear, so finding it proves the search reads the database.
    assertTrue(DatabaseContent.contains(marker), "the database holds the site name");
    assertFalse(
        DatabaseContent.contains(providerSecret), "provider secret in clear in the database");
    assertFalse(
        DatabaseContent.contains(site.getString("secret")), "site secret in clear in the database");
    assertFalse(
        DatabaseContent.anyFileContains(server.resolve("logs"), providerSecret),
        "provider secret in a log");
    assertFalse(
        DatabaseContent.anyFileContains(server.resolve("logs"), site.getString("secret")),
        "site secret in a log");
  }

  static void assertError(HttpResponse<String> r, int status, int errorCode, String detailPart) {
    assertEquals(status, r.statusCode(), r.body());
    JsonObject body = json(r);
    assertEquals(errorCode, body.getInt("errorCode"), r.body());
    assertTrue(body.getString("callId").matches("[0-9a-f]{32}"));
    assertTrue(
        body.getString("errorDetails", "").contains(detailPart),
        "'" + detailPart + "' in " + body.getString("errorDetails", ""));
    assertFalse(r.body().contains("Exception"), r.body());
  }
}
