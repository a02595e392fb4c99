package io.junction.it;

import static io.junction.it.Junction.HTTP;
import static io.junction.it.Junction.HTTPS;
import static io.junction.it.Junction.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * RSA application keys on the wire, as the Gigya Java SDK's GSAuthRequest calls: a form POST of the
 * method's parameters with {@code apiKey}, {@code format}, {@code httpStatusCodes} and {@code sdk},
 * and {@code Authorization: Bearer} a JWT made with jjwt (the SDK's own JWT library) whose header
 * is {@code {"alg":"RS256","typ":"JWT","kid":userKey}} and whose claims are {@code jti} and {@code
 * iat}, signed with the private key the admin API answered.
 */
class ApplicationKeyJwtIT {

  /** An RSA application key of a site, with the private key the admin API answered once. */
  record RsaKey(Sites.Site site, String userKey, PrivateKey privateKey) {

    /** The SDK's JWT (GSAuthRequestUtils.composeJwt). */
    String jwt() {
      return jwt(privateKey, Instant.now());
    }

    String jwt(PrivateKey signer, Instant issuedAt) {
      return Jwts.builder()
          .header()
          .add("typ", "JWT")
          .keyId(userKey)
          .and()
          .id(UUID.randomUUID().toString())
          .issuedAt(Date.from(issuedAt))
          .signWith(signer, Jwts.SIG.RS256)
          .compact();
    }

    /** A call as GSAuthRequest sends it, to {@code base} (HTTP or HTTPS). */
    HttpResponse<String> send(String base, String method, String jwt, Map<String, String> params) {
      Map<String, String> form = new LinkedHashMap<>(params);
      form.putIfAbsent("apiKey", site.apiKey());
      form.put("format", "json");
      form.putIfAbsent("httpStatusCodes", "false");
      form.put("sdk", "java_3.2.4");
      StringJoiner body = new StringJoiner("&");
      form.forEach((k, v) -> body.add(Browser.enc(k) + "=" + Browser.enc(v)));
      return Junction.send(
          HttpRequest.newBuilder(URI.create(base + "/" + method))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("Authorization", "Bearer " + jwt)
              .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    int code(String base, String method, String jwt, Map<String, String> params) {
      return json(send(base, method, jwt, params)).getInt("errorCode");
    }
  }

  static JsonObject createRsaKey(Sites.Site site, String permissions) {
    HttpResponse<String> r =
        Junction.admin(
            "POST",
            "/admin/sites/" + site.apiKey() + "/applications",
            "{\"name\":\"rsa server\",\"keyType\":\"rsa\",\"permissions\":" + permissions + "}");
    assertEquals(201, r.statusCode(), r.body());
    return json(r);
  }

  static RsaKey rsaKey(Sites.Site site, String permissions) {
    JsonObject created = createRsaKey(site, permissions);
    return new RsaKey(
        site, created.getString("userKey"), privateKey(created.getString("privateKey")));
  }

  static PrivateKey privateKey(String base64Pkcs8) {
    try {
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64Pkcs8)));
    } catch (Exception e) {
      throw new AssertionError("the private key is not Base64 PKCS#8 RSA", e);
    }
  }

  static KeyPair newPair() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theSdksJwtCallsServerMethodsWithinTheKeysPermissions() {
    Sites.Site site = Sites.withOdnoklassniki();
    RsaKey key = rsaKey(site, "[\"socialize.notifyLogin\",\"socialize.getUserInfo\"]");
    String uid = "rsa-" + System.nanoTime();

    HttpResponse<String> login =
        key.send(HTTPS, "socialize.notifyLogin", key.jwt(), Map.of("siteUID", uid));
    assertEquals(0, json(login).getInt("errorCode"), login.body());
    assertEquals(uid, json(login).getString("UID"));
    HttpResponse<String> info =
        key.send(HTTPS, "socialize.getUserInfo", key.jwt(), Map.of("UID", uid));
    assertEquals(uid, json(info).getString("UID"), info.body());

    assertEquals(403007, key.code(HTTPS, "socialize.deleteAccount", key.jwt(), Map.of("UID", uid)));
  }

  @Test
  void exchangeUidSignatureRefusesAnRsaKeyItHasNoSecretToSignWith() throws Exception {
    Sites.Site site = Sites.withOdnoklassniki();
    RsaKey key = rsaKey(site, "[\"socialize.exchangeUIDSignature\"]");
    String uid = "exchange-" + System.nanoTime();
    HttpResponse<String> login =
        new GigyaSigner(site.apiKey(), site.secret(), null)
            .send(HTTPS, "socialize.notifyLogin", Map.of("siteUID", uid));
    assertEquals(0, json(login).getInt("errorCode"), login.body());
    String timestamp = String.valueOf(java.time.Instant.now().getEpochSecond());
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(
            java.util.Base64.getDecoder().decode(site.secret()), "HmacSHA1"));
    String signature =
        java.util.Base64.getEncoder()
            .encodeToString(
                mac.doFinal(
                    (timestamp + "_" + uid).getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    HttpResponse<String> r =
        key.send(
            HTTPS,
            "socialize.exchangeUIDSignature",
            key.jwt(),
            Map.of("UID", uid, "UIDSignature", signature, "signatureTimestamp", timestamp));
    assertEquals(403007, json(r).getInt("errorCode"), r.body());
  }

  @Test
  void everyRefusalOverHttpAndHttps() throws Exception {
    Sites.Site site = Sites.withOdnoklassniki();
    RsaKey key = rsaKey(site, "[\"socialize.notifyLogin\"]");
    Map<String, String> params = Map.of("siteUID", "refused-" + System.nanoTime());
    PrivateKey stranger = newPair().getPrivate();
    RsaKey unknownKid = new RsaKey(site, "AKnosuchkey", key.privateKey());

    for (String base : new String[] {HTTP, HTTPS}) {
      assertEquals(
          403005, unknownKid.code(base, "socialize.notifyLogin", unknownKid.jwt(), params));
      assertEquals(
          403003,
          key.code(base, "socialize.notifyLogin", key.jwt(stranger, Instant.now()), params),
          "signed by another private key");
      String none =
          Jwts.builder()
              .header()
              .keyId(key.userKey())
              .and()
              .id(UUID.randomUUID().toString())
              .issuedAt(new Date())
              .compact();
      assertTrue(none.endsWith("."), none);
      assertEquals(403003, key.code(base, "socialize.notifyLogin", none, params), "alg none");
      String hs256 =
          Jwts.builder()
              .header()
              .keyId(key.userKey())
              .and()
              .id(UUID.randomUUID().toString())
              .issuedAt(new Date())
              .signWith(Keys.hmacShaKeyFor(new byte[32]), Jwts.SIG.HS256)
              .compact();
      assertEquals(403003, key.code(base, "socialize.notifyLogin", hs256, params), "alg HS256");
      assertEquals(
          403002,
          key.code(
              base,
              "socialize.notifyLogin",
              key.jwt(key.privateKey(), Instant.now().minusSeconds(600)),
              params),
          "a stale iat");
      for (String malformed :
          new String[] {"a.b.c", "..", "eyJhbGciOiJSUzI1NiJ9.e30.%%%", key.jwt() + "ABC"}) {
        HttpResponse<String> r = key.send(base, "socialize.notifyLogin", malformed, params);
        assertEquals(400008, json(r).getInt("errorCode"), malformed + " -> " + r.body());
      }
    }

    // Over HTTPS a JWT is used once.
    String once = key.jwt();
    assertEquals(0, key.code(HTTPS, "socialize.notifyLogin", once, params));
    assertEquals(403004, key.code(HTTPS, "socialize.notifyLogin", once, params));
    // Over plain HTTP a valid JWT is refused, and used up: it cannot be replayed over HTTPS.
    String seenInClear = key.jwt();
    HttpResponse<String> clear = key.send(HTTP, "socialize.notifyLogin", seenInClear, params);
    assertEquals(403006, json(clear).getInt("errorCode"), clear.body());
    assertEquals(403004, key.code(HTTPS, "socialize.notifyLogin", seenInClear, params));
    // With real HTTP status codes the refusals keep their statuses.
    HttpResponse<String> status =
        key.send(
            HTTPS,
            "socialize.notifyLogin",
            key.jwt(stranger, Instant.now()),
            Map.of("siteUID", "x", "httpStatusCodes", "true"));
    assertEquals(403, status.statusCode(), status.body());
  }

  @Test
  void anOauthTokenInTheBearerHeaderIsStillAnOauthToken() {
    Sites.Site site = Sites.withOdnoklassniki();
    String token = Sites.token(site, "grant_type=client_credentials&x_siteUID=bearer-user");
    HttpResponse<String> r =
        Junction.send(
            HttpRequest.newBuilder(URI.create(HTTPS + "/socialize.getUserInfo"))
                .header("Authorization", "Bearer " + token)
                .GET());
    assertEquals("bearer-user", json(r).getString("UID"), r.body());
  }

  @Test
  void getTokenTakesTheJwtOfAKeyWithTheGetTokenPermission() {
    Sites.Site site = Sites.withOdnoklassniki();
    RsaKey minter = rsaKey(site, "[\"socialize.getToken\",\"socialize.getUserInfo\"]");
    String uid = "minted-" + System.nanoTime();
    HttpResponse<String> issued =
        minter.send(
            HTTPS,
            "socialize.getToken",
            minter.jwt(),
            Map.of(
                "client_id", site.apiKey(), "grant_type", "client_credentials", "x_siteUID", uid));
    JsonObject answer = json(issued);
    assertEquals(0, answer.getInt("errorCode"), issued.body());
    assertEquals(
        uid,
        Sites.call("socialize.getUserInfo", answer.getString("access_token"), "").getString("UID"));

    RsaKey reader = rsaKey(site, "[\"socialize.getUserInfo\"]");
    JsonObject refused =
        json(
            reader.send(
                HTTPS,
                "socialize.getToken",
                reader.jwt(),
                Map.of(
                    "client_id",
                    site.apiKey(),
                    "grant_type",
                    "client_credentials",
                    "x_siteUID",
                    uid)));
    assertEquals(403007, refused.getInt("errorCode"), refused.toString());
    assertFalse(refused.containsKey("access_token"));
  }

  @Test
  void theAdminApiShowsThePublicKeyAndTheGeneratedPrivateKeyOnlyOnce() {
    Sites.Site site = Sites.withOdnoklassniki();
    JsonObject created = createRsaKey(site, "[\"socialize.notifyLogin\"]");
    assertEquals("rsa", created.getString("keyType"));
    assertFalse(created.containsKey("secret"), created.toString());
    String userKey = created.getString("userKey");
    String firstPrivate = created.getString("privateKey");
    RsaKey first = new RsaKey(site, userKey, privateKey(firstPrivate));

    JsonObject listed =
        json(Junction.admin("GET", "/admin/sites/" + site.apiKey() + "/applications", null))
            .getJsonArray("applications")
            .getJsonObject(0);
    assertEquals(userKey, listed.getString("userKey"));
    assertEquals(created.getString("publicKey"), listed.getString("publicKey"));
    assertFalse(listed.containsKey("privateKey"), listed.toString());

    // A new pair keeps the userKey; the old private key is refused from then on.
    String old = first.jwt();
    HttpResponse<String> rotated =
        Junction.admin(
            "POST",
            "/admin/sites/" + site.apiKey() + "/applications/" + userKey + "/keyPair",
            null);
    assertEquals(200, rotated.statusCode(), rotated.body());
    assertEquals(userKey, json(rotated).getString("userKey"));
    assertNotEquals(firstPrivate, json(rotated).getString("privateKey"));
    Map<String, String> params = Map.of("siteUID", "rotated-" + System.nanoTime());
    assertEquals(403003, first.code(HTTPS, "socialize.notifyLogin", old, params));
    RsaKey second = new RsaKey(site, userKey, privateKey(json(rotated).getString("privateKey")));
    assertEquals(0, second.code(HTTPS, "socialize.notifyLogin", second.jwt(), params));

    // A public key the site made: Junction never holds its private key.
    KeyPair own = newPair();
    String pem =
        "-----BEGIN PUBLIC KEY-----\\n"
            + Base64.getEncoder().encodeToString(own.getPublic().getEncoded())
            + "\\n-----END PUBLIC KEY-----\\n";
    HttpResponse<String> given =
        Junction.admin(
            "POST",
            "/admin/sites/" + site.apiKey() + "/applications",
            "{\"name\":\"own pair\",\"permissions\":[\"socialize.notifyLogin\"],\"publicKey\":\""
                + pem
                + "\"}");
    assertEquals(201, given.statusCode(), given.body());
    assertEquals("rsa", json(given).getString("keyType"));
    assertFalse(json(given).containsKey("privateKey"), given.body());
    RsaKey ownKey = new RsaKey(site, json(given).getString("userKey"), own.getPrivate());
    assertEquals(0, ownKey.code(HTTPS, "socialize.notifyLogin", ownKey.jwt(), params));

    // Refusals of the admin API.
    for (String body :
        new String[] {
          "{\"name\":\"x\",\"keyType\":\"dsa\"}",
          "{\"name\":\"x\",\"publicKey\":\"not a key\"}",
          "{\"name\":\"x\",\"keyType\":\"secret\",\"publicKey\":\"" + pem + "\"}"
        }) {
      HttpResponse<String> r =
          Junction.admin("POST", "/admin/sites/" + site.apiKey() + "/applications", body);
      assertEquals(400, r.statusCode(), r.body());
      assertEquals(400006, json(r).getInt("errorCode"), r.body());
    }
    HttpResponse<String> secretKey =
        Junction.admin(
            "POST",
            "/admin/sites/" + site.apiKey() + "/applications",
            "{\"name\":\"secret\",\"permissions\":[\"socialize.*\"]}");
    assertEquals("secret", json(secretKey).getString("keyType"), secretKey.body());
    HttpResponse<String> noPair =
        Junction.admin(
            "POST",
            "/admin/sites/"
                + site.apiKey()
                + "/applications/"
                + json(secretKey).getString("userKey")
                + "/keyPair",
            null);
    assertEquals(400006, json(noPair).getInt("errorCode"), noPair.body());
  }
}
