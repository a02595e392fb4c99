package io.junction.it;

import static io.junction.it.Junction.admin;
import static io.junction.it.Junction.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The audit log through the admin API: each change is recorded with the administrator, the client
 * address (through a trusted proxy, the client it names) and the changed fields, never a secret.
 */
class AuditIT {

  private static final String TRUSTED_PROXY = "127.0.0.2";

  private static List<JsonObject> events(String query) {
    HttpResponse<String> r = admin("GET", "/admin/audit" + query, null);
    assertEquals(200, r.statusCode(), r.body());
    return json(r).getJsonArray("events").stream().map(v -> v.asJsonObject()).toList();
  }

  @Test
  void everyChangeOfASiteIsRecordedWithoutItsSecrets() {
    Instant start = Instant.now().minusSeconds(1);
    JsonObject site = AdminApiIT.createSite("Audited " + UUID.randomUUID(), "");
    String apiKey = site.getString("apiKey");
    String path = "/admin/sites/" + apiKey;
    assertEquals(
        200,
        admin("PUT", path, "{\"name\":\"Renamed\",\"domains\":[\"example.com\"]}").statusCode());
    String secret = json(admin("POST", path + "/secret", null)).getString("secret");
    assertEquals(
        201,
        admin(
                "PUT",
                path + "/providers/odnoklassniki",
                "{\"appId\":\"512\",\"publicKey\":\"PK\",\"secretKey\":\"ok-secret-7781\"}")
            .statusCode());
    JsonObject app = json(admin("POST", path + "/applications", "{\"name\":\"reports\"}"));
    String userKey = app.getString("userKey");
    HttpResponse<String> rotated =
        admin("POST", path + "/applications/" + userKey + "/secret", null);
    assertEquals(200, rotated.statusCode(), rotated.body());
    String appSecret = json(rotated).getString("secret");
    assertFalse(appSecret.equals(app.getString("secret")));
    assertEquals(204, admin("DELETE", path + "/applications/" + userKey, null).statusCode());
    assertEquals(204, admin("DELETE", path + "/providers/odnoklassniki", null).statusCode());
    assertEquals(204, admin("DELETE", path, null).statusCode());

    HttpResponse<String> raw =
        admin("GET", "/admin/audit?apiKey=" + apiKey + "&since=" + start, null);
    for (String s :
        List.of(
            site.getString("secret"),
            secret,
            "ok-secret-7781",
            app.getString("secret"),
            appSecret)) {
      assertFalse(raw.body().contains(s), "the audit log holds a secret");
    }
    List<JsonObject> log = events("?apiKey=" + apiKey);
    assertEquals(
        List.of(
            "site.delete",
            "provider.delete",
            "application.delete",
            "application.secret.rotate",
            "application.create",
            "provider.create",
            "site.secret.rotate",
            "site.update",
            "site.create"),
        log.stream().map(e -> e.getString("action")).toList());
    for (JsonObject e : log) {
      assertEquals("admin", e.getString("actor"));
      assertEquals("127.0.0.1", e.getString("address"));
      assertEquals(apiKey, e.getString("apiKey"));
      assertTrue(Instant.parse(e.getString("at")).isAfter(start));
    }
    JsonObject update = log.get(7).getJsonObject("changes");
    assertEquals("Renamed", update.getJsonObject("name").getString("to"));
    assertEquals("rotated", log.get(6).getJsonObject("changes").getString("secret"));
    assertEquals("rotated", log.get(5).getJsonObject("changes").getString("secretKey"));
    assertEquals("512", log.get(5).getJsonObject("changes").getString("appId"));
    assertEquals(userKey, log.get(4).getString("target"));
    assertEquals("odnoklassniki", log.get(1).getString("target"));
  }

  @Test
  void theAddressIsTheClientATrustedProxyNamesAndNoOneElses() {
    JsonObject site = AdminApiIT.createSite("Proxied " + UUID.randomUUID(), "");
    String apiKey = site.getString("apiKey");
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    ("admin:" + Junction.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    RawHttp.Answer proxied =
        RawHttp.send(
            TRUSTED_PROXY,
            "POST /admin/sites/"
                + apiKey
                + "/secret HTTP/1.1\r\nAuthorization: "
                + basic
                + "\r\nX-Forwarded-Proto: https\r\nX-Forwarded-For: 6.6.6.6, 198.51.100.23",
            new byte[0]);
    assertEquals(200, proxied.status(), proxied.body());
    // From an untrusted peer the header is the client's own word: the peer is recorded.
    HttpResponse<String> direct =
        Junction.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(Junction.HTTPS + "/admin/sites/" + apiKey + "/secret"))
                .header("Authorization", basic)
                .header("X-Forwarded-For", "203.0.113.99")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
    assertEquals(200, direct.statusCode(), direct.body());

    List<JsonObject> log = events("?apiKey=" + apiKey + "&limit=2");
    assertEquals("127.0.0.1", log.get(0).getString("address"));
    assertEquals("198.51.100.23", log.get(1).getString("address"));
  }

  @Test
  void theLogIsPagedAndBadParametersAreGigyaErrors() {
    JsonObject site = AdminApiIT.createSite("Paged " + UUID.randomUUID(), "");
    String apiKey = site.getString("apiKey");
    for (int n = 0; n < 3; n++) {
      admin("POST", "/admin/sites/" + apiKey + "/secret", null);
    }
    JsonObject first = json(admin("GET", "/admin/audit?apiKey=" + apiKey + "&limit=3", null));
    assertEquals(3, first.getJsonArray("events").size());
    JsonObject rest =
        json(
            admin(
                "GET",
                "/admin/audit?apiKey="
                    + apiKey
                    + "&limit=3&cursor="
                    + Browser.enc(first.getString("next")),
                null));
    assertEquals(1, rest.getJsonArray("events").size());
    assertEquals("site.create", rest.getJsonArray("events").getJsonObject(0).getString("action"));
    assertFalse(rest.containsKey("next"));

    for (String bad : List.of("?since=yesterday", "?limit=0", "?limit=201", "?cursor=%%%")) {
      HttpResponse<String> r = admin("GET", "/admin/audit" + bad.replace("%%%", "bad"), null);
      assertEquals(400, r.statusCode(), bad + " " + r.body());
      assertEquals(400006, json(r).getInt("errorCode"), bad);
    }
    HttpResponse<String> anonymous =
        Junction.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(Junction.HTTPS + "/admin/audit"))
                .GET());
    assertEquals(401, anonymous.statusCode());
  }
}
