package io.junction.it;

import static io.junction.it.Junction.HTTP;
import static io.junction.it.Junction.HTTPS;
import static io.junction.it.Junction.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Server calls as Gigya's SDKs make them: signed, with the secret over HTTPS, with application
 * keys.
 */
class SignedCallsIT {

  private static JsonObject ok(HttpResponse<String> r) {
    JsonObject body = json(r);
    assertEquals(0, body.getInt("errorCode"), r.body());
    return body;
  }

  private static int code(HttpResponse<String> r) {
    return json(r).getInt("errorCode");
  }

  private static String siteUser(GigyaSigner signer, String base) {
    String siteUid = "signed-" + System.nanoTime();
    JsonObject login = ok(signer.send(base, "socialize.notifyLogin", Map.of("siteUID", siteUid)));
    assertEquals(siteUid, login.getString("UID"));
    return siteUid;
  }

  @Test
  void notifyLoginAndGetUserInfoSignedOverHttpAndHttpsInJsonAndXml() {
    Sites.Site site = Sites.withOdnoklassniki();
    GigyaSigner signer = new GigyaSigner(site.apiKey(), site.secret(), null);
    String uid = "member-" + System.nanoTime();
    JsonObject login = ok(signer.send(HTTP, "socialize.notifyLogin", Map.of("siteUID", uid)));
    assertEquals(uid, login.getString("UID"));
    assertEquals(
        GigyaSigner.uidSignature(site.secret(), login.getString("signatureTimestamp"), uid),
        login.getString("UIDSignature"));
    assertEquals("glt_" + site.apiKey(), login.getString("cookieName"));
    assertEquals("/", login.getString("cookiePath"));
    // The session cookie's value is an oauth_token of that user.
    assertEquals(
        uid,
        Sites.call("socialize.getUserInfo", login.getString("cookieValue"), "").getString("UID"));

    for (String base : new String[] {HTTP, HTTPS}) {
      JsonObject info = ok(signer.send(base, "socialize.getUserInfo", Map.of("UID", uid)));
      assertEquals(uid, info.getString("UID"));
      assertTrue(info.getBoolean("isSiteUID"));
      assertEquals(
          GigyaSigner.uidSignature(site.secret(), info.getString("signatureTimestamp"), uid),
          info.getString("UIDSignature"));
      HttpResponse<String> xml =
          signer.send(base, "socialize.getUserInfo", Map.of("UID", uid, "format", "xml"));
      assertTrue(xml.body().contains("<UID>" + uid + "</UID>"), xml.body());
      assertTrue(xml.body().contains("<errorCode>0</errorCode>"), xml.body());
    }
  }

  @Test
  void everyBadSignatureIsRefusedWithItsCode() {
    Sites.Site site = Sites.withOdnoklassniki();
    GigyaSigner signer = new GigyaSigner(site.apiKey(), site.secret(), null);
    String uid = siteUser(signer, HTTP);

    GigyaSigner wrongSecret = new GigyaSigner(site.apiKey(), "d3Jvbmctc2VjcmV0LXZhbHVl", null);
    assertEquals(403003, code(wrongSecret.send(HTTP, "socialize.getUserInfo", Map.of("UID", uid))));
    GigyaSigner otherUrl = new GigyaSigner(site.apiKey(), site.secret(), null);
    otherUrl.signedBase = "http://elsewhere.example:8080";
    assertEquals(403003, code(otherUrl.send(HTTP, "socialize.getUserInfo", Map.of("UID", uid))));

    GigyaSigner late = new GigyaSigner(site.apiKey(), site.secret(), null);
    late.timestamp = System.currentTimeMillis() / 1000 - 600;
    HttpResponse<String> expired = late.send(HTTP, "socialize.getUserInfo", Map.of("UID", uid));
    assertEquals(403002, code(expired));
    assertTrue(
        expired.headers().firstValue("Date").isPresent(),
        "the Date header lets SDKs correct their clock");

    GigyaSigner millis = new GigyaSigner(site.apiKey(), site.secret(), null);
    millis.timestamp = System.currentTimeMillis();
    assertEquals(
        0,
        code(millis.send(HTTP, "socialize.getUserInfo", Map.of("UID", uid))),
        "milliseconds, as the Node SDK sends");

    GigyaSigner replay = new GigyaSigner(site.apiKey(), site.secret(), null);
    replay.nonce = "fixed-nonce-" + System.nanoTime();
    assertEquals(0, code(replay.send(HTTP, "socialize.getUserInfo", Map.of("UID", uid))));
    assertEquals(403004, code(replay.send(HTTP, "socialize.getUserInfo", Map.of("UID", uid))));

    // Signed as an SDK still addressed to Gigya's host would sign: accepted.
    GigyaSigner gigyaHost = new GigyaSigner(site.apiKey(), site.secret(), null);
    gigyaHost.signedBase = "https://socialize.us1.gigya.com";
    assertEquals(0, code(gigyaHost.send(HTTP, "socialize.getUserInfo", Map.of("UID", uid))));

    assertEquals(
        400093,
        code(
            new GigyaSigner("3_nosuchkey", site.secret(), null)
                .send(HTTP, "socialize.getUserInfo", Map.of("UID", uid))));
    assertEquals(
        403005,
        code(
            signer.send(
                HTTP, "socialize.getUserInfo", Map.of("UID", "nobody-" + System.nanoTime()))));
    assertEquals(400002, code(signer.send(HTTP, "socialize.getUserInfo", Map.of())));
    assertEquals(
        400002,
        json(Junction.postForm(
                HTTP + "/socialize.getUserInfo", "apiKey=" + site.apiKey() + "&UID=" + uid))
            .getInt("errorCode"));
  }

  @Test
  void theSecretInClearOnlyOverHttps() {
    Sites.Site site = Sites.withOdnoklassniki();
    String uid = siteUser(new GigyaSigner(site.apiKey(), site.secret(), null), HTTP);
    String form =
        "apiKey="
            + Browser.enc(site.apiKey())
            + "&secret="
            + Browser.enc(site.secret())
            + "&UID="
            + Browser.enc(uid);
    assertEquals(
        403006, json(Junction.postForm(HTTP + "/socialize.getUserInfo", form)).getInt("errorCode"));
    assertEquals(
        uid, ok(Junction.postForm(HTTPS + "/socialize.getUserInfo", form)).getString("UID"));
    String wrong =
        "apiKey=" + Browser.enc(site.apiKey()) + "&secret=bm9wZQ%3D%3D&UID=" + Browser.enc(uid);
    assertEquals(
        403010,
        json(Junction.postForm(HTTPS + "/socialize.getUserInfo", wrong)).getInt("errorCode"));
  }

  @Test
  void aMethodPathWithATrailingSlashIsThatMethod() {
    Sites.Site site = Sites.withOdnoklassniki();
    GigyaSigner signer = new GigyaSigner(site.apiKey(), site.secret(), null);
    String uid = siteUser(signer, HTTP);
    String form =
        "apiKey="
            + Browser.enc(site.apiKey())
            + "&secret="
            + Browser.enc(site.secret())
            + "&UID="
            + Browser.enc(uid);
    HttpResponse<String> r = Junction.postForm(HTTPS + "/socialize.getUserInfo/", form);
    assertEquals(uid, ok(r).getString("UID"));
    HttpResponse<String> signed =
        Junction.get(
            HTTPS
                + "/socialize.getUserInfo/?apiKey="
                + Browser.enc(site.apiKey())
                + "&UID="
                + Browser.enc(uid)
                + "&timestamp=1&nonce=n&sig=AAAA");
    assertNotEquals(500, signed.statusCode(), signed.body());
    assertNotEquals(500001, json(signed).getInt("errorCode"), signed.body());
  }

  @Test
  void applicationKeysSignWithTheirOwnSecretAndPermissions() {
    Sites.Site site = Sites.withOdnoklassniki();
    String uid = siteUser(new GigyaSigner(site.apiKey(), site.secret(), null), HTTP);
    HttpResponse<String> created =
        Junction.admin(
            "POST",
            "/admin/sites/" + site.apiKey() + "/applications",
            "{\"name\":\"reporting\",\"permissions\":[\"socialize.getUserInfo\",\"socialize.exchangeUIDSignature\"]}");
    assertEquals(201, created.statusCode(), created.body());
    JsonObject app = json(created);
    String userKey = app.getString("userKey");
    String appSecret = app.getString("secret");
    assertFalse(
        Junction.admin("GET", "/admin/sites/" + site.apiKey() + "/applications", null)
            .body()
            .contains(appSecret));

    GigyaSigner signer = new GigyaSigner(site.apiKey(), appSecret, userKey);
    JsonObject info = ok(signer.send(HTTP, "socialize.getUserInfo", Map.of("UID", uid)));
    assertEquals(uid, info.getString("UID"));
    assertEquals(403007, code(signer.send(HTTP, "socialize.deleteAccount", Map.of("UID", uid))));
    assertEquals(
        403003,
        code(
            new GigyaSigner(site.apiKey(), site.secret(), userKey)
                .send(HTTP, "socialize.getUserInfo", Map.of("UID", uid))));
    assertEquals(
        403201,
        code(
            new GigyaSigner(site.apiKey(), appSecret, "AKnosuchkey")
                .send(HTTP, "socialize.getUserInfo", Map.of("UID", uid))));

    // exchangeUIDSignature: the site-secret signature becomes one the application can check.
    JsonObject exchanged =
        ok(
            signer.send(
                HTTP,
                "socialize.exchangeUIDSignature",
                Map.of(
                    "UID",
                    uid,
                    "UIDSignature",
                    info.getString("UIDSignature"),
                    "signatureTimestamp",
                    info.getString("signatureTimestamp"))));
    assertEquals(
        GigyaSigner.uidSignature(appSecret, exchanged.getString("signatureTimestamp"), uid),
        exchanged.getString("UIDSignature"));
    assertEquals(
        400006,
        code(
            signer.send(
                HTTP,
                "socialize.exchangeUIDSignature",
                Map.of(
                    "UID",
                    uid,
                    "UIDSignature",
                    "Zm9yZ2Vk",
                    "signatureTimestamp",
                    info.getString("signatureTimestamp")))));
  }

  @Test
  void setUidDeleteAccountAndLogoutWithServerCredentials() {
    Sites.Site site = Sites.withOdnoklassniki();
    GigyaSigner signer = new GigyaSigner(site.apiKey(), site.secret(), null);
    String token = SocialFlowIT.login(new Browser(), site, OkStandIn.newUser("SetUid"));
    String guid = Sites.call("socialize.getUserInfo", token, "").getString("UID");
    assertTrue(guid.startsWith("_guid_"));

    String siteUid = "crm-" + System.nanoTime();
    ok(signer.send(HTTP, "socialize.setUID", Map.of("UID", guid, "siteUID", siteUid)));
    assertEquals(siteUid, Sites.call("socialize.getUserInfo", token, "").getString("UID"));
    String other = siteUser(signer, HTTP);
    assertEquals(
        400003,
        code(
            signer.send(
                HTTP, "socialize.notifyRegistration", Map.of("UID", siteUid, "siteUID", other))));
    assertEquals(400002, code(signer.send(HTTP, "socialize.setUID", Map.of("UID", siteUid))));

    ok(signer.send(HTTP, "socialize.logout", Map.of("UID", siteUid)));
    assertEquals(
        403025,
        Sites.call("socialize.getUserInfo", token, "").getInt("errorCode"),
        "every session of the user ended");

    ok(signer.send(HTTP, "socialize.deleteAccount", Map.of("UID", siteUid)));
    assertEquals(403005, code(signer.send(HTTP, "socialize.getUserInfo", Map.of("UID", siteUid))));
  }

  @Test
  void providerSessionsMobileSessionsAndEncryptedSessionInfo() throws Exception {
    Sites.Site site = Sites.withOdnoklassniki();
    GigyaSigner signer = new GigyaSigner(site.apiKey(), site.secret(), null);
    String token = SocialFlowIT.login(new Browser(), site, OkStandIn.newUser("Sess"));
    String uid = Sites.call("socialize.getUserInfo", token, "").getString("UID");
    String authToken =
        Sites.call("socialize.getSessionInfo", token, "&provider=odnoklassniki")
            .getString("authToken");

    // Over plain HTTP the provider token travels AES-encrypted with the site secret.
    JsonObject encrypted =
        ok(
            signer.send(
                HTTP, "socialize.getSessionInfo", Map.of("UID", uid, "provider", "odnoklassniki")));
    assertNotEquals(authToken, encrypted.getString("authToken"));
    Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
    aes.init(
        Cipher.DECRYPT_MODE,
        new SecretKeySpec(Base64.getDecoder().decode(site.secret()), "AES"),
        new IvParameterSpec(Base64.getDecoder().decode(encrypted.getString("IV"))));
    assertEquals(
        authToken,
        new String(
            aes.doFinal(Base64.getDecoder().decode(encrypted.getString("authToken"))),
            StandardCharsets.UTF_8));
    assertEquals(
        authToken,
        ok(signer.send(
                HTTPS, "socialize.getSessionInfo", Map.of("UID", uid, "provider", "odnoklassniki")))
            .getString("authToken"));

    // providerSessions: the site hands over an Odnoklassniki session; it is that user's account.
    JsonObject handed =
        ok(
            signer.send(
                HTTP,
                "socialize.notifyLogin",
                Map.of(
                    "providerSessions",
                    "{\"odnoklassniki\":{\"authToken\":\"" + authToken + "\"}}",
                    "targetEnv",
                    "mobile")));
    assertEquals(uid, handed.getString("UID"));
    String sessionToken = handed.getString("sessionToken");
    String sessionSecret = handed.getString("sessionSecret");
    assertEquals(
        400006,
        code(
            signer.send(
                HTTP,
                "socialize.notifyLogin",
                Map.of("providerSessions", "{\"odnoklassniki\":{}}"))));
    assertEquals(
        500023,
        code(
            signer.send(
                HTTP,
                "socialize.notifyLogin",
                Map.of("providerSessions", "{\"odnoklassniki\":{\"authToken\":\"bogus\"}}"))));
    assertEquals(
        400006,
        code(
            signer.send(
                HTTP,
                "socialize.notifyLogin",
                Map.of("providerSessions", "{\"odnoklassniki\":{\"authToken\":\" \"}}"))));
    // userInfo, when given, is a JSON object.
    assertEquals(
        400006,
        code(
            signer.send(
                HTTP,
                "socialize.notifyLogin",
                Map.of("siteUID", "u-info", "userInfo", "nickname"))));
    assertEquals(
        0,
        code(
            signer.send(
                HTTP,
                "socialize.notifyLogin",
                Map.of("siteUID", "u-info", "userInfo", "{\"nickname\":\"Ada\"}"))));

    // The mobile session signs its calls with its session secret.
    GigyaSigner mobile = new GigyaSigner(null, sessionSecret, null);
    assertEquals(
        uid,
        ok(mobile.send(HTTPS, "socialize.getUserInfo", Map.of("oauth_token", sessionToken)))
            .getString("UID"));
    GigyaSigner forged = new GigyaSigner(null, site.secret(), null);
    assertEquals(
        403003,
        code(forged.send(HTTPS, "socialize.getUserInfo", Map.of("oauth_token", sessionToken))));
  }

  @Test
  void everyServerMethodAnswersInXmlWithItsMethodAsRoot() throws Exception {
    Sites.Site site = Sites.withOdnoklassniki();
    GigyaSigner signer = new GigyaSigner(site.apiKey(), site.secret(), null);
    String token = SocialFlowIT.login(new Browser(), site, OkStandIn.newUser("Xmlm"));
    String uid = Sites.call("socialize.getUserInfo", token, "").getString("UID");
    JsonObject info = ok(signer.send(HTTP, "socialize.getUserInfo", Map.of("UID", uid)));
    String other = "xml-" + System.nanoTime();
    Map<String, Map<String, String>> calls = new java.util.LinkedHashMap<>();
    calls.put("socialize.notifyLogin", Map.of("siteUID", other));
    calls.put("socialize.getUserInfo", Map.of("UID", uid));
    calls.put("socialize.getSessionInfo", Map.of("UID", uid, "provider", "odnoklassniki"));
    calls.put(
        "socialize.exchangeUIDSignature",
        Map.of(
            "UID",
            uid,
            "UIDSignature",
            info.getString("UIDSignature"),
            "signatureTimestamp",
            info.getString("signatureTimestamp")));
    calls.put("socialize.setUID", Map.of("UID", other, "siteUID", other + "-a"));
    calls.put("socialize.notifyRegistration", Map.of("UID", other + "-a", "siteUID", other + "-b"));
    calls.put("socialize.removeConnection", Map.of("UID", uid, "provider", "odnoklassniki"));
    calls.put("socialize.logout", Map.of("UID", uid));
    calls.put("socialize.deleteAccount", Map.of("UID", other + "-b"));
    for (var e : calls.entrySet()) {
      Map<String, String> params = new java.util.HashMap<>(e.getValue());
      params.put("format", "xml");
      HttpResponse<String> r = signer.send(HTTP, e.getKey(), params);
      var root = EnvelopeIT.parseXml(r.body()).getDocumentElement();
      assertEquals(e.getKey() + "Response", root.getLocalName(), r.body());
      assertEquals("urn:com:gigya:api", root.getNamespaceURI());
      assertEquals("0", EnvelopeIT.text(root, "errorCode"), r.body());
    }
  }

  @Test
  void applicationKeySecretInClearAndServerTokensAndAuthorizationHeaders() {
    Sites.Site site = Sites.withOdnoklassniki();
    String uid = siteUser(new GigyaSigner(site.apiKey(), site.secret(), null), HTTP);
    JsonObject app =
        json(
            Junction.admin(
                "POST", "/admin/sites/" + site.apiKey() + "/applications", "{\"name\":\"clear\"}"));
    String form =
        "apiKey="
            + Browser.enc(site.apiKey())
            + "&userKey="
            + Browser.enc(app.getString("userKey"))
            + "&secret="
            + Browser.enc(app.getString("secret"))
            + "&UID="
            + Browser.enc(uid)
            + "&format=xml";
    HttpResponse<String> clear = Junction.postForm(HTTPS + "/socialize.getUserInfo", form);
    assertTrue(clear.body().contains("<UID>" + uid + "</UID>"), clear.body());
    assertEquals(
        403006,
        json(Junction.postForm(HTTP + "/socialize.getUserInfo", form.replace("&format=xml", "")))
            .getInt("errorCode"));

    // A server session (client_credentials without x_siteUID) calls server methods with
    // oauth_token.
    String server = Sites.token(site, "grant_type=client_credentials");
    String other = "srv-" + System.nanoTime();
    assertEquals(
        other, Sites.call("socialize.notifyLogin", server, "&siteUID=" + other).getString("UID"));
    assertEquals(uid, Sites.call("socialize.getUserInfo", server, "&UID=" + uid).getString("UID"));
    assertEquals(400002, Sites.call("socialize.getUserInfo", server, "").getInt("errorCode"));

    // A user's session may not act as the site (403007), and travels in an Authorization header
    // too.
    String user =
        Sites.call("socialize.notifyLogin", server, "&siteUID=" + other).getString("cookieValue");
    assertEquals(
        403007,
        Sites.call("socialize.notifyLogin", user, "&siteUID=someone-else").getInt("errorCode"));
    for (String scheme : new String[] {"OAuth ", "Bearer "}) {
      HttpResponse<String> r =
          Junction.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(HTTPS + "/socialize.getUserInfo"))
                  .header("Authorization", scheme + user));
      assertEquals(other, json(r).getString("UID"), r.body());
    }
  }

  @Test
  void getTokenWithAnApplicationKey() {
    Sites.Site site = Sites.withOdnoklassniki();
    JsonObject app =
        json(
            Junction.admin(
                "POST",
                "/admin/sites/" + site.apiKey() + "/applications",
                "{\"name\":\"tokens\"}"));
    String base =
        "client_id="
            + Browser.enc(site.apiKey())
            + "&userKey="
            + Browser.enc(app.getString("userKey"))
            + "&secret=";
    String uid = "appkey-" + System.nanoTime();
    HttpResponse<String> ok =
        Junction.postForm(
            HTTPS + "/socialize.getToken",
            base
                + Browser.enc(app.getString("secret"))
                + "&grant_type=client_credentials&x_siteUID="
                + uid);
    String token = ok(ok).getString("access_token");
    assertEquals(uid, Sites.call("socialize.getUserInfo", token, "").getString("UID"));
    assertEquals(
        403010,
        json(Junction.postForm(
                HTTPS + "/socialize.getToken", base + "bm9wZQ%3D%3D&grant_type=none"))
            .getInt("errorCode"));
    assertEquals(
        400013,
        json(Junction.postForm(
                HTTPS + "/socialize.getToken",
                base
                    + Browser.enc(app.getString("secret"))
                    + "&grant_type=authorization_code&code=x&redirect_uri=y"))
            .getInt("errorCode"));
    assertEquals(
        403006,
        json(Junction.postForm(
                HTTP + "/socialize.getToken",
                base + Browser.enc(app.getString("secret")) + "&grant_type=none"))
            .getInt("errorCode"));
  }
}
