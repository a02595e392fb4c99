package io.junction.web.caller;

import static io.junction.web.testing.GigyaAssertions.assertRefused;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.ErrorCode;
import io.junction.web.account.Account;
import io.junction.web.account.AccountService;
import io.junction.web.config.JunctionConfig;
import io.junction.web.envelope.ApiCall;
import io.junction.web.envelope.ApiCalls;
import io.junction.web.envelope.GigyaException;
import io.junction.web.oauth.OAuthToken;
import io.junction.web.oauth.TokenService;
import io.junction.web.security.AdminCredentials;
import io.junction.web.security.GigyaSignature;
import io.junction.web.security.Hashes;
import io.junction.web.security.Randoms;
import io.junction.web.security.RsaKeys;
import io.junction.web.security.Secrets;
import io.junction.web.site.SiteService;
import io.junction.web.testing.Beans;
import io.junction.web.testing.FakeHttpRequest;
import io.junction.web.testing.RsaJwts;
import io.junction.web.testing.TestDatabase;
import io.junction.web.testing.TestServices;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every way a caller proves itself, and every refusal, as {@link Authentication} decides them on a
 * real database. Signatures are made as Gigya's SDKs make them ({@link GigyaSignature} reproduces
 * the Java SDK byte for byte, see its test).
 */
class AuthenticationTest {

  private static final String HOST = "junction.example.com";

  private static TestServices app;
  private static TestDatabase db;
  private static SiteService sites;
  private static TokenService tokens;
  private static AccountService accounts;

  private String apiKey;
  private String secret;
  private Account user;
  private Account otherUser;

  @BeforeAll
  static void start() {
    app = TestServices.start();
    db = app.db();
    sites = app.get(SiteService.class);
    tokens = app.get(TokenService.class);
    accounts = app.get(AccountService.class);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @BeforeEach
  void newSite() {
    SiteService.CreatedSite created = app.newSite();
    apiKey = created.site().apiKey();
    secret = created.secret();
    user = siteUser(apiKey, "user-1");
    otherUser = siteUser(apiKey, "user-2");
  }

  // ---- the site secret -----------------------------------------------------------------------

  @Nested
  class SiteSecret {

    @Test
    void overHttpsProvesTheSiteAndNamesTheUser() {
      Caller c =
          call("socialize.getUserInfo")
              .param("apiKey", apiKey)
              .param("secret", secret)
              .param("UID", "user-1")
              .serverMethod();

      assertEquals(Proof.SECRET, c.proof());
      assertEquals(apiKey, c.site().apiKey());
      assertNull(c.application());
      assertEquals(user.id(), c.account().id());
      assertTrue(c.server());
      assertTrue(c.secure());
      assertEquals(OAuthToken.Client.SITE_SECRET, c.client());
    }

    @Test
    void overHttpIsRefused() {
      assertRefused(
          ErrorCode.SECRET_SENT_OVER_HTTP,
          () ->
              call("socialize.notifyLogin")
                  .http()
                  .param("apiKey", apiKey)
                  .param("secret", secret)
                  .serverMethod());
    }

    @Test
    void aWrongSecretIsRefused() {
      assertRefused(
          ErrorCode.INVALID_SECRET,
          () ->
              call("socialize.notifyLogin")
                  .param("apiKey", apiKey)
                  .param("secret", Randoms.base64(24))
                  .serverMethod());
    }

    @Test
    void withoutApiKeyOrProofTheCallIsIncomplete() {
      assertRefused(
          ErrorCode.MISSING_REQUIRED_PARAMETER,
          () -> call("socialize.notifyLogin").param("secret", secret).serverMethod());
      GigyaException noProof =
          assertRefused(
              ErrorCode.MISSING_REQUIRED_PARAMETER,
              () -> call("socialize.notifyLogin").param("apiKey", apiKey).serverMethod());
      assertTrue(noProof.details().contains("sig"), noProof.details());
      assertRefused(
          ErrorCode.INVALID_API_KEY,
          () ->
              call("socialize.notifyLogin")
                  .param("apiKey", "3_unknown")
                  .param("secret", secret)
                  .serverMethod());
    }

    @Test
    void theUidMustBeAUserOfTheSite() {
      assertRefused(
          ErrorCode.UNAUTHORIZED_USER,
          () ->
              call("socialize.getUserInfo")
                  .param("apiKey", apiKey)
                  .param("secret", secret)
                  .param("UID", "nobody")
                  .serverMethod());
      String otherSite = app.newSite().site().apiKey();
      siteUser(otherSite, "elsewhere");
      assertRefused(
          ErrorCode.UNAUTHORIZED_USER,
          () ->
              call("socialize.getUserInfo")
                  .param("apiKey", apiKey)
                  .param("secret", secret)
                  .param("UID", "elsewhere")
                  .serverMethod());
    }

    @Test
    void methodsAboutAUserNeedTheUid() {
      assertRefused(
          ErrorCode.MISSING_REQUIRED_PARAMETER,
          () ->
              call("socialize.getUserInfo")
                  .param("apiKey", apiKey)
                  .param("secret", secret)
                  .serverMethod());
      assertRefused(
          ErrorCode.MISSING_REQUIRED_PARAMETER,
          () ->
              call("socialize.setUID")
                  .param("apiKey", apiKey)
                  .param("secret", secret)
                  .serverMethod());
      Caller server =
          call("socialize.notifyLogin")
              .param("apiKey", apiKey)
              .param("secret", secret)
              .serverMethod();
      assertNull(server.account());
    }
  }

  // ---- application keys ----------------------------------------------------------------------

  @Nested
  class ApplicationKeys {

    @Test
    void aKeysSecretProvesTheKeyWithinItsPermissions() {
      SiteService.CreatedApplication key = application("socialize.getUserInfo");

      Caller c =
          call("socialize.getUserInfo")
              .param("apiKey", apiKey)
              .param("userKey", key.key().userKey())
              .param("secret", key.secret())
              .param("UID", "user-1")
              .serverMethod();

      assertEquals(Proof.SECRET, c.proof());
      assertEquals(key.key().userKey(), c.application().userKey());
      assertEquals(user.id(), c.account().id());
      assertEquals(OAuthToken.Client.applicationKey(key.key().userKey()), c.client());

      assertRefused(
          ErrorCode.PERMISSION_DENIED,
          () ->
              call("socialize.notifyLogin")
                  .param("apiKey", apiKey)
                  .param("userKey", key.key().userKey())
                  .param("secret", key.secret())
                  .serverMethod());
    }

    @Test
    void theSiteSecretIsNotTheKeys() {
      SiteService.CreatedApplication key = application("socialize.*");
      assertRefused(
          ErrorCode.INVALID_SECRET,
          () ->
              call("socialize.notifyLogin")
                  .param("apiKey", apiKey)
                  .param("userKey", key.key().userKey())
                  .param("secret", secret)
                  .serverMethod());
    }

    @Test
    void anUnknownKeyOrAnotherSitesKeyIsRefused() {
      assertRefused(
          ErrorCode.INVALID_APPLICATION_ID,
          () ->
              call("socialize.notifyLogin")
                  .param("apiKey", apiKey)
                  .param("userKey", "AKunknown")
                  .param("secret", secret)
                  .serverMethod());
      SiteService.CreatedApplication key = application("socialize.*");
      SiteService.CreatedSite other = app.newSite();
      assertRefused(
          ErrorCode.INVALID_APPLICATION_ID,
          () ->
              call("socialize.notifyLogin")
                  .param("apiKey", other.site().apiKey())
                  .param("userKey", key.key().userKey())
                  .param("secret", key.secret())
                  .serverMethod());
    }

    @Test
    void aKeySignsWithItsOwnSecret() {
      SiteService.CreatedApplication key = application("socialize.notifyLogin");

      Caller c =
          call("socialize.notifyLogin")
              .http()
              .param("apiKey", apiKey)
              .param("userKey", key.key().userKey())
              .signed(key.secret(), "http://" + HOST + "/socialize.notifyLogin")
              .serverMethod();

      assertEquals(Proof.SIGNATURE, c.proof());
      assertEquals(key.key().userKey(), c.application().userKey());
      assertRefused(
          ErrorCode.INVALID_REQUEST_SIGNATURE,
          () ->
              call("socialize.notifyLogin")
                  .http()
                  .param("apiKey", apiKey)
                  .param("userKey", key.key().userKey())
                  .signed(secret, "http://" + HOST + "/socialize.notifyLogin")
                  .serverMethod());
    }
  }

  // ---- RSA application keys: JWT bearer, as GSAuthRequest sends it ----------------------------

  @Nested
  class ApplicationKeyJwts {

    private SiteService.CreatedApplication key;
    private PrivateKey privateKey;

    @BeforeEach
    void rsaKey() {
      key = rsaApplication("socialize.getUserInfo", "socialize.notifyLogin");
      privateKey = RsaJwts.privateKey(key.privateKey());
    }

    private Request jwtCall(String method, String jwt) {
      return call(method).param("apiKey", apiKey).header("Authorization", "Bearer " + jwt);
    }

    private String sdkJwt() {
      return RsaJwts.sdkJwt(key.key().userKey(), privateKey);
    }

    private String jwtWith(Map<String, ?> claims) {
      return RsaJwts.jwt(
          Map.of("alg", "RS256", "typ", "JWT", "kid", key.key().userKey()), claims, privateKey);
    }

    @Test
    void theSdksJwtProvesTheKeyWithinItsPermissions() {
      Caller c = jwtCall("socialize.getUserInfo", sdkJwt()).param("UID", "user-1").serverMethod();

      assertEquals(Proof.JWT, c.proof());
      assertEquals(key.key().userKey(), c.application().userKey());
      assertEquals(user.id(), c.account().id());
      assertTrue(c.server());
      assertEquals(OAuthToken.Client.applicationKey(key.key().userKey()), c.client());

      assertRefused(
          ErrorCode.PERMISSION_DENIED,
          () -> jwtCall("socialize.deleteAccount", sdkJwt()).param("UID", "user-1").serverMethod());
    }

    @Test
    void theSchemeIsCaseInsensitiveAndUserKeyMayBeSentToo() {
      Caller c =
          call("socialize.notifyLogin")
              .param("apiKey", apiKey)
              .param("userKey", key.key().userKey())
              .header("Authorization", "  bearer   " + sdkJwt() + " ")
              .serverMethod();
      assertEquals(Proof.JWT, c.proof());
      SiteService.CreatedApplication other = rsaApplication("socialize.*");
      assertRefused(
          ErrorCode.INVALID_PARAMETER_VALUE,
          () ->
              jwtCall("socialize.notifyLogin", sdkJwt())
                  .param("userKey", other.key().userKey())
                  .serverMethod());
    }

    @Test
    void anUnknownKidAnotherSitesKeyOrASecretKeyIsRefused() {
      assertRefused(
          ErrorCode.UNAUTHORIZED_USER,
          () ->
              jwtCall("socialize.notifyLogin", RsaJwts.sdkJwt("AKunknown", privateKey))
                  .serverMethod());
      SiteService.CreatedApplication secretKey = application("socialize.*");
      assertRefused(
          ErrorCode.UNAUTHORIZED_USER,
          () ->
              jwtCall(
                      "socialize.notifyLogin",
                      RsaJwts.sdkJwt(secretKey.key().userKey(), privateKey))
                  .serverMethod());
      String otherSite = app.newSite().site().apiKey();
      assertRefused(
          ErrorCode.UNAUTHORIZED_USER,
          () ->
              call("socialize.notifyLogin")
                  .param("apiKey", otherSite)
                  .header("Authorization", "Bearer " + sdkJwt())
                  .serverMethod());
    }

    @Test
    void aSignatureByAnotherKeyOrOverChangedClaimsIsRefused() {
      PrivateKey stranger = RsaJwts.newPair(2048).getPrivate();
      assertRefused(
          ErrorCode.INVALID_REQUEST_SIGNATURE,
          () ->
              jwtCall("socialize.notifyLogin", RsaJwts.sdkJwt(key.key().userKey(), stranger))
                  .serverMethod());
      String[] parts = sdkJwt().split("\\.");
      String forged =
          parts[0]
              + "."
              + RsaJwts.part("{\"jti\":\"x\",\"iat\":" + Instant.now().getEpochSecond() + "}")
              + "."
              + parts[2];
      assertRefused(
          ErrorCode.INVALID_REQUEST_SIGNATURE,
          () -> jwtCall("socialize.notifyLogin", forged).serverMethod());
      String none =
          RsaJwts.unsigned(
              Map.of("alg", "none", "kid", key.key().userKey()),
              Map.of("jti", "n", "iat", Instant.now().getEpochSecond()),
              "");
      assertRefused(
          ErrorCode.INVALID_REQUEST_SIGNATURE,
          () -> jwtCall("socialize.notifyLogin", none).serverMethod());
    }

    @Test
    void aStaleOrFutureIatOrAnExpiredJwtIsRefused() {
      long now = Instant.now().getEpochSecond();
      for (long iat : new long[] {now - 600, now + 600, (now - 600) * 1000}) {
        assertRefused(
            ErrorCode.REQUEST_HAS_EXPIRED,
            () ->
                jwtCall(
                        "socialize.notifyLogin",
                        jwtWith(Map.of("jti", UUID.randomUUID(), "iat", iat)))
                    .serverMethod());
      }
      assertRefused(
          ErrorCode.REQUEST_HAS_EXPIRED,
          () ->
              jwtCall(
                      "socialize.notifyLogin",
                      jwtWith(Map.of("jti", UUID.randomUUID(), "iat", now, "exp", now - 600)))
                  .serverMethod());
      assertEquals(
          Proof.JWT,
          jwtCall(
                  "socialize.notifyLogin",
                  jwtWith(Map.of("jti", UUID.randomUUID(), "iat", now * 1000)))
              .serverMethod()
              .proof(),
          "iat in milliseconds, as early SDK versions sent it");
    }

    @Test
    void aJtiIsUsedOnceAndARefusedSignatureDoesNotUseIt() {
      String jwt = sdkJwt();
      String[] parts = jwt.split("\\.");
      String badSignature = parts[0] + "." + parts[1] + "." + RsaJwts.b64(new byte[256]);
      assertRefused(
          ErrorCode.INVALID_REQUEST_SIGNATURE,
          () -> jwtCall("socialize.notifyLogin", badSignature).serverMethod());
      assertEquals(Proof.JWT, jwtCall("socialize.notifyLogin", jwt).serverMethod().proof());
      assertRefused(
          ErrorCode.DUPLICATE_NONCE, () -> jwtCall("socialize.notifyLogin", jwt).serverMethod());
      // The same jti in a new JWT is the same JWT id.
      String jti = ApplicationJwt.parse(jwt).jti();
      assertRefused(
          ErrorCode.DUPLICATE_NONCE,
          () ->
              jwtCall(
                      "socialize.getUserInfo",
                      jwtWith(Map.of("jti", jti, "iat", Instant.now().getEpochSecond())))
                  .param("UID", "user-1")
                  .serverMethod());
    }

    @Test
    void overPlainHttpAValidJwtIsRefusedAndUsedUp() {
      String jwt = sdkJwt();
      assertRefused(
          ErrorCode.SECRET_SENT_OVER_HTTP,
          () -> jwtCall("socialize.notifyLogin", jwt).http().serverMethod());
      assertRefused(
          ErrorCode.DUPLICATE_NONCE, () -> jwtCall("socialize.notifyLogin", jwt).serverMethod());
      // Other refusals come first over HTTP too.
      assertRefused(
          ErrorCode.UNAUTHORIZED_USER,
          () ->
              jwtCall("socialize.notifyLogin", RsaJwts.sdkJwt("AKunknown", privateKey))
                  .http()
                  .serverMethod());
    }

    @Test
    void malformedJwtsAre4xxAndNeverMistakenForOauthTokens() {
      for (String value :
          new String[] {"a.b.c", "..", "eyJ.eyJ.x", "%%%.%%%.%%%", RsaJwts.part("{}") + ".e30."}) {
        GigyaException e =
            assertThrows(
                GigyaException.class, () -> jwtCall("socialize.notifyLogin", value).serverMethod());
        assertEquals(4, e.code().code() / 100_000, e.getMessage());
        assertNotEquals(ErrorCode.INVALID_TOKEN, e.code(), e.getMessage());
      }
    }

    @Test
    void anOauthTokenInTheBearerHeaderIsStillAnOauthToken() {
      String token = token(user, OAuthToken.Kind.USER, OAuthToken.Client.SITE_SECRET);
      Caller c =
          call("socialize.getUserInfo").header("Authorization", "Bearer " + token).serverMethod();
      assertEquals(Proof.OAUTH_TOKEN, c.proof());
      assertEquals(user.id(), c.account().id());
    }

    @Test
    void oneProofPerCall() {
      String token = token(user, OAuthToken.Kind.USER, OAuthToken.Client.SITE_SECRET);
      assertRefused(
          ErrorCode.INVALID_PARAMETER_VALUE,
          () ->
              jwtCall("socialize.getUserInfo", sdkJwt())
                  .param("oauth_token", token)
                  .serverMethod());
      assertRefused(
          ErrorCode.INVALID_PARAMETER_VALUE,
          () -> jwtCall("socialize.notifyLogin", sdkJwt()).param("secret", secret).serverMethod());
      assertRefused(
          ErrorCode.MISSING_REQUIRED_PARAMETER,
          () ->
              call("socialize.notifyLogin")
                  .header("Authorization", "Bearer " + sdkJwt())
                  .serverMethod());
    }

    @Test
    void anRsaKeyHasNoSecretToSendOrSignWith() {
      assertRefused(
          ErrorCode.INVALID_SECRET,
          () ->
              call("socialize.notifyLogin")
                  .param("apiKey", apiKey)
                  .param("userKey", key.key().userKey())
                  .param("secret", key.privateKey())
                  .serverMethod());
      assertRefused(
          ErrorCode.INVALID_REQUEST_SIGNATURE,
          () ->
              call("socialize.notifyLogin")
                  .http()
                  .param("apiKey", apiKey)
                  .param("userKey", key.key().userKey())
                  .signed(secret, "http://" + HOST + "/socialize.notifyLogin")
                  .serverMethod());
      assertRefused(
          ErrorCode.INVALID_SECRET,
          () ->
              call("socialize.getToken")
                  .param("client_id", apiKey)
                  .param("userKey", key.key().userKey())
                  .param("secret", key.privateKey())
                  .tokenClient());
    }

    @Test
    void aNewKeyPairKeepsTheUserKeyAndEndsTheOldPrivateKey() {
      SiteService.CreatedApplication rotated =
          db.transactional(
              SiteService.class,
              "replaceKeyPair",
              () -> sites.replaceKeyPair(apiKey, key.key().userKey(), null));
      assertEquals(key.key().userKey(), rotated.key().userKey());
      assertNotEquals(key.privateKey(), rotated.privateKey());
      assertRefused(
          ErrorCode.INVALID_REQUEST_SIGNATURE,
          () -> jwtCall("socialize.notifyLogin", sdkJwt()).serverMethod());
      String fresh = RsaJwts.sdkJwt(key.key().userKey(), RsaJwts.privateKey(rotated.privateKey()));
      assertEquals(Proof.JWT, jwtCall("socialize.notifyLogin", fresh).serverMethod().proof());

      // A public key the site made itself: Junction never sees its private key.
      KeyPair own = RsaJwts.newPair(3072);
      String pem =
          "-----BEGIN PUBLIC KEY-----\n"
              + Base64.getMimeEncoder().encodeToString(own.getPublic().getEncoded())
              + "\n-----END PUBLIC KEY-----\n";
      SiteService.CreatedApplication given =
          db.transactional(
              SiteService.class,
              "replaceKeyPair",
              () ->
                  sites.replaceKeyPair(
                      apiKey, key.key().userKey(), RsaKeys.normalizedPublicKey("publicKey", pem)));
      assertNull(given.privateKey());
      assertEquals(
          Proof.JWT,
          jwtCall("socialize.notifyLogin", RsaJwts.sdkJwt(key.key().userKey(), own.getPrivate()))
              .serverMethod()
              .proof());
    }

    @Test
    void getTokenTakesAnApplicationKeysJwtWithThePermission() {
      SiteService.CreatedApplication minter = rsaApplication(Authentication.GET_TOKEN);
      PrivateKey minterKey = RsaJwts.privateKey(minter.privateKey());
      Caller c =
          call("socialize.getToken")
              .param("client_id", apiKey)
              .header(
                  "Authorization", "Bearer " + RsaJwts.sdkJwt(minter.key().userKey(), minterKey))
              .tokenClient();
      assertEquals(Proof.CLIENT_CREDENTIALS, c.proof());
      assertEquals(OAuthToken.Client.applicationKey(minter.key().userKey()), c.client());
      Caller byApiKey =
          call("socialize.getToken")
              .param("apiKey", apiKey)
              .header(
                  "Authorization", "Bearer " + RsaJwts.sdkJwt(minter.key().userKey(), minterKey))
              .tokenClient();
      assertEquals(minter.key().userKey(), byApiKey.application().userKey());

      assertRefused(
          ErrorCode.PERMISSION_DENIED,
          () ->
              call("socialize.getToken")
                  .param("client_id", apiKey)
                  .header("Authorization", "Bearer " + sdkJwt())
                  .tokenClient());
      assertRefused(
          ErrorCode.SECRET_SENT_OVER_HTTP,
          () ->
              call("socialize.getToken")
                  .http()
                  .param("client_id", apiKey)
                  .header(
                      "Authorization",
                      "Bearer " + RsaJwts.sdkJwt(minter.key().userKey(), minterKey))
                  .tokenClient());
      assertRefused(
          ErrorCode.INVALID_PARAMETER_VALUE,
          () ->
              call("socialize.getToken")
                  .param("client_id", apiKey)
                  .param("client_secret", secret)
                  .header(
                      "Authorization",
                      "Bearer " + RsaJwts.sdkJwt(minter.key().userKey(), minterKey))
                  .tokenClient());
    }
  }

  // ---- signatures ----------------------------------------------------------------------------

  @Nested
  class Signatures {

    @Test
    void aSignedCallIsAcceptedOverHttp() {
      Caller c =
          call("socialize.getUserInfo")
              .http()
              .param("apiKey", apiKey)
              .param("UID", "user-1")
              .signed(secret, "http://" + HOST + "/socialize.getUserInfo")
              .serverMethod();

      assertEquals(Proof.SIGNATURE, c.proof());
      assertFalse(c.secure());
      assertEquals(user.id(), c.account().id());
    }

    @Test
    void anSdkThatBelievesItTalksToGigyaSignsGigyasHost() {
      Caller c =
          call("socialize.notifyLogin")
              .param("apiKey", apiKey)
              .signed(secret, "https://socialize.us1.gigya.com/socialize.notifyLogin")
              .serverMethod();
      assertEquals(Proof.SIGNATURE, c.proof());

      assertRefused(
          ErrorCode.INVALID_REQUEST_SIGNATURE,
          () ->
              call("socialize.notifyLogin")
                  .param("apiKey", apiKey)
                  .signed(secret, "https://socialize.eu1.gigya.com/socialize.notifyLogin")
                  .serverMethod());
    }

    @Test
    void junctionsPublicUrlIsAcceptedAsTheSignedUrl() {
      Caller c =
          call("socialize.notifyLogin")
              .param("apiKey", apiKey)
              .signed(secret, "https://localhost:9443/socialize.notifyLogin")
              .serverMethod();
      assertEquals(Proof.SIGNATURE, c.proof());
    }

    @Test
    void aTimestampInMillisecondsIsAccepted() {
      Caller c =
          call("socialize.notifyLogin")
              .param("apiKey", apiKey)
              .param("timestamp", String.valueOf(System.currentTimeMillis()))
              .signed(secret, "https://" + HOST + "/socialize.notifyLogin")
              .serverMethod();
      assertEquals(Proof.SIGNATURE, c.proof());
    }

    @Test
    void aWrongSignatureIsRefusedShowingTheExpectedBaseString() {
      Request request =
          call("socialize.notifyLogin")
              .param("apiKey", apiKey)
              .signed(Randoms.base64(24), "https://" + HOST + "/socialize.notifyLogin");
      GigyaException e = assertRefused(ErrorCode.INVALID_REQUEST_SIGNATURE, request::serverMethod);
      assertTrue(e.details().contains("base string expected: POST&"), e.details());
      assertFalse(e.details().contains(secret));
    }

    @Test
    void aParameterChangedAfterSigningBreaksTheSignature() {
      Request request =
          call("socialize.getUserInfo")
              .param("apiKey", apiKey)
              .param("UID", "user-1")
              .signed(secret, "https://" + HOST + "/socialize.getUserInfo")
              .param("UID", "user-2");
      assertRefused(ErrorCode.INVALID_REQUEST_SIGNATURE, request::serverMethod);
    }

    @Test
    void aStaleOrFutureTimestampIsRefused() {
      long now = Instant.now().getEpochSecond();
      for (long timestamp : new long[] {now - 600, now + 600}) {
        assertRefused(
            ErrorCode.REQUEST_HAS_EXPIRED,
            () ->
                call("socialize.notifyLogin")
                    .param("apiKey", apiKey)
                    .param("timestamp", String.valueOf(timestamp))
                    .signed(secret, "https://" + HOST + "/socialize.notifyLogin")
                    .serverMethod());
      }
    }

    @Test
    void timestampAndNonceAreRequired() {
      Request noNonce =
          call("socialize.notifyLogin")
              .param("apiKey", apiKey)
              .signed(secret, "https://" + HOST + "/socialize.notifyLogin")
              .without("nonce");
      assertRefused(ErrorCode.MISSING_REQUIRED_PARAMETER, noNonce::serverMethod);
      Request noTimestamp =
          call("socialize.notifyLogin")
              .param("apiKey", apiKey)
              .signed(secret, "https://" + HOST + "/socialize.notifyLogin")
              .without("timestamp");
      assertRefused(ErrorCode.MISSING_REQUIRED_PARAMETER, noTimestamp::serverMethod);
    }

    @Test
    void aNonceIsUsedOncePerSite() {
      String nonce = "1795310601579_-976006127";
      Request first =
          call("socialize.notifyLogin")
              .param("apiKey", apiKey)
              .param("nonce", nonce)
              .signed(secret, "https://" + HOST + "/socialize.notifyLogin");
      assertEquals(Proof.SIGNATURE, first.serverMethod().proof());
      assertEquals(
          1,
          db.count(
              "SELECT COUNT(*) FROM used_nonce WHERE api_key = ? AND nonce = ?", apiKey, nonce));

      assertRefused(ErrorCode.DUPLICATE_NONCE, first::serverMethod);

      SiteService.CreatedSite other = app.newSite();
      Caller elsewhere =
          call("socialize.notifyLogin")
              .param("apiKey", other.site().apiKey())
              .param("nonce", nonce)
              .signed(other.secret(), "https://" + HOST + "/socialize.notifyLogin")
              .serverMethod();
      assertEquals(Proof.SIGNATURE, elsewhere.proof(), "another site may use the same nonce");
    }

    @Test
    void aRefusedSignatureDoesNotUseTheNonceButAFailedCallDoes() {
      String nonce = "n-" + Randoms.urlSafe(9);
      assertRefused(
          ErrorCode.INVALID_REQUEST_SIGNATURE,
          () ->
              call("socialize.notifyLogin")
                  .param("apiKey", apiKey)
                  .param("nonce", nonce)
                  .signed(Randoms.base64(24), "https://" + HOST + "/socialize.notifyLogin")
                  .serverMethod());

      Request unknownUser =
          call("socialize.getUserInfo")
              .param("apiKey", apiKey)
              .param("nonce", nonce)
              .param("UID", "nobody")
              .signed(secret, "https://" + HOST + "/socialize.getUserInfo");
      assertRefused(ErrorCode.UNAUTHORIZED_USER, unknownUser::serverMethod);
      assertRefused(ErrorCode.DUPLICATE_NONCE, unknownUser::serverMethod);
    }
  }

  // ---- oauth_token ---------------------------------------------------------------------------

  @Nested
  class Tokens {

    @Test
    void aUsersTokenIsAUserSession() {
      String token = token(user, OAuthToken.Kind.USER, OAuthToken.Client.BROWSER_FLOW);

      Caller c = call("socialize.getUserInfo").param("oauth_token", token).serverMethod();

      assertEquals(Proof.OAUTH_TOKEN, c.proof());
      assertEquals(user.id(), c.account().id());
      assertTrue(c.userSession());
      assertFalse(c.server());
      assertEquals(token, c.tokenValue());
      assertEquals(apiKey, c.site().apiKey());
      assertEquals(
          user.id(),
          call("socialize.getUserInfo")
              .param("oauth_token", token)
              .param("UID", "user-1")
              .serverMethod()
              .account()
              .id(),
          "its own UID may be named");
    }

    @Test
    void theTokenMayComeInTheAuthorizationHeader() {
      String token = token(user, OAuthToken.Kind.USER, OAuthToken.Client.BROWSER_FLOW);
      for (String header : List.of("OAuth " + token, "Bearer " + token, "bearer  " + token)) {
        Caller c = call("socialize.getUserInfo").header("Authorization", header).serverMethod();
        assertEquals(user.id(), c.account().id(), header);
      }
    }

    @Test
    void aTokenOverHttpIsRefused() {
      String token = token(user, OAuthToken.Kind.USER, OAuthToken.Client.BROWSER_FLOW);
      assertRefused(
          ErrorCode.INVALID_TOKEN,
          () -> call("socialize.getUserInfo").http().param("oauth_token", token).serverMethod());
    }

    @Test
    void anUnknownTokenIsRefused() {
      assertRefused(
          ErrorCode.INVALID_TOKEN,
          () -> call("socialize.getUserInfo").param("oauth_token", "jt1.nonsense").serverMethod());
    }

    @Test
    void anExpiredTokenIsRefused() {
      Instant now = Instant.now();
      String token =
          storedToken(
              user,
              OAuthToken.Kind.USER,
              OAuthToken.Client.BROWSER_FLOW,
              now.minusSeconds(7200),
              now.minusSeconds(1));
      GigyaException e =
          assertRefused(
              ErrorCode.INVALID_TOKEN,
              () -> call("socialize.getUserInfo").param("oauth_token", token).serverMethod());
      assertTrue(e.details().contains("expired"), e.details());
    }

    @Test
    void anAnonymousTokenHasNoUser() {
      String token = token(null, OAuthToken.Kind.ANONYMOUS, OAuthToken.Client.BROWSER_FLOW);
      assertRefused(
          ErrorCode.NO_VALID_SESSION,
          () -> call("socialize.getUserInfo").param("oauth_token", token).serverMethod());
    }

    @Test
    void aUsersTokenCannotNameAnotherUser() {
      String token = token(user, OAuthToken.Kind.USER, OAuthToken.Client.BROWSER_FLOW);
      assertRefused(
          ErrorCode.UNAUTHORIZED_USER,
          () ->
              call("socialize.getUserInfo")
                  .param("oauth_token", token)
                  .param("UID", "user-2")
                  .serverMethod());
    }

    @Test
    void aUsersTokenCannotCallServerMethods() {
      String token = token(user, OAuthToken.Kind.USER, OAuthToken.Client.BROWSER_FLOW);
      for (String method : List.of("socialize.notifyLogin", "socialize.setUID")) {
        assertRefused(
            ErrorCode.PERMISSION_DENIED,
            () -> call(method).param("oauth_token", token).param("UID", "user-1").serverMethod());
      }
    }

    @Test
    void aServerTokenActsForTheUserItNames() {
      String token = token(null, OAuthToken.Kind.SERVER, OAuthToken.Client.SITE_SECRET);

      Caller c =
          call("socialize.getUserInfo")
              .param("oauth_token", token)
              .param("UID", "user-2")
              .serverMethod();
      assertEquals(otherUser.id(), c.account().id());
      assertTrue(c.server());

      Caller setUid =
          call("socialize.setUID")
              .param("oauth_token", token)
              .param("UID", "user-1")
              .serverMethod();
      assertEquals(user.id(), setUid.account().id());

      assertRefused(
          ErrorCode.MISSING_REQUIRED_PARAMETER,
          () -> call("socialize.getUserInfo").param("oauth_token", token).serverMethod());
      assertRefused(
          ErrorCode.UNAUTHORIZED_USER,
          () ->
              call("socialize.getUserInfo")
                  .param("oauth_token", token)
                  .param("UID", "nobody")
                  .serverMethod());
    }

    @Test
    void aMobileSessionSignsWithItsOwnSecret() {
      String sessionSecret = Randoms.base64(20);
      String token =
          db.inTransaction(
              () ->
                  tokens
                      .issueMobileSession(
                          apiKey,
                          user.id(),
                          null,
                          app.get(Secrets.class).cipher(),
                          sessionSecret,
                          OAuthToken.Client.SITE_SECRET)
                      .token());

      Caller c =
          call("socialize.getUserInfo")
              .param("oauth_token", token)
              .signed(sessionSecret, "https://" + HOST + "/socialize.getUserInfo")
              .serverMethod();
      assertEquals(user.id(), c.account().id());

      GigyaException wrong =
          assertRefused(
              ErrorCode.INVALID_REQUEST_SIGNATURE,
              () ->
                  call("socialize.getUserInfo")
                      .param("oauth_token", token)
                      .signed(secret, "https://" + HOST + "/socialize.getUserInfo")
                      .serverMethod());
      assertFalse(wrong.details().contains(token), "the oauth_token is never echoed");

      String plain = token(user, OAuthToken.Kind.USER, OAuthToken.Client.SITE_SECRET);
      assertRefused(
          ErrorCode.INVALID_REQUEST_SIGNATURE,
          () ->
              call("socialize.getUserInfo")
                  .param("oauth_token", plain)
                  .signed(sessionSecret, "https://" + HOST + "/socialize.getUserInfo")
                  .serverMethod());
    }

    @Test
    void aBrowserFlowTakesAnyValidTokenOverHttps() {
      String anonymous = token(null, OAuthToken.Kind.ANONYMOUS, OAuthToken.Client.BROWSER_FLOW);

      Caller c = call("socialize.addConnection").param("oauth_token", anonymous).browserToken();
      assertEquals(OAuthToken.Kind.ANONYMOUS, c.token().kind());
      assertNull(c.account(), "the flow links to the token's account at the callback");

      assertRefused(
          ErrorCode.MISSING_REQUIRED_PARAMETER,
          () -> call("socialize.addConnection").browserToken());
      assertRefused(
          ErrorCode.INVALID_TOKEN,
          () ->
              call("socialize.addConnection")
                  .http()
                  .param("oauth_token", anonymous)
                  .browserToken());
      assertRefused(
          ErrorCode.INVALID_TOKEN,
          () -> call("socialize.addConnection").param("oauth_token", "jt1.x").browserToken());
    }
  }

  // ---- tokens minted by a client -------------------------------------------------------------

  @Nested
  class MintedTokens {

    @Test
    void aTokenMintedByAnApplicationKeyHasOnlyItsPermissionsAndEndsWithIt() {
      SiteService.CreatedApplication key =
          application("socialize.getToken", "socialize.getUserInfo");
      String token =
          token(user, OAuthToken.Kind.USER, OAuthToken.Client.applicationKey(key.key().userKey()));

      Caller c = call("socialize.getUserInfo").param("oauth_token", token).serverMethod();
      assertEquals(key.key().userKey(), c.application().userKey());
      assertEquals(OAuthToken.Client.applicationKey(key.key().userKey()), c.client());
      assertRefused(
          ErrorCode.PERMISSION_DENIED,
          () -> call("socialize.logout").param("oauth_token", token).serverMethod());

      db.transactional(
          SiteService.class,
          "deleteApplication",
          () -> {
            sites.deleteApplication(apiKey, key.key().userKey());
            return null;
          });

      assertRefused(
          ErrorCode.UNAUTHORIZED_USER,
          () -> call("socialize.getUserInfo").param("oauth_token", token).serverMethod());
      assertRefused(
          ErrorCode.UNAUTHORIZED_USER,
          () -> call("socialize.addConnection").param("oauth_token", token).browserToken());
    }

    @Test
    void aSiteSecretTokenEndsAtARotationWhenTheSiteAsksForIt() {
      SiteService.CreatedSite strict = app.newSite(TestServices.siteSettings(true));
      String strictKey = strict.site().apiKey();
      Account strictUser = siteUser(strictKey, "user-1");
      Instant before = Instant.now().minusSeconds(5);
      String bySecret =
          storedToken(
              strictUser,
              OAuthToken.Kind.USER,
              OAuthToken.Client.SITE_SECRET,
              before,
              before.plusSeconds(3600));
      String byFlow =
          storedToken(
              strictUser,
              OAuthToken.Kind.USER,
              OAuthToken.Client.BROWSER_FLOW,
              before,
              before.plusSeconds(3600));
      assertEquals(
          strictUser.id(),
          call("socialize.getUserInfo")
              .param("oauth_token", bySecret)
              .serverMethod()
              .account()
              .id());

      rotateSecret(strictKey);

      assertRefused(
          ErrorCode.UNAUTHORIZED_USER,
          () -> call("socialize.getUserInfo").param("oauth_token", bySecret).serverMethod());
      assertRefused(
          ErrorCode.UNAUTHORIZED_USER,
          () -> call("socialize.addConnection").param("oauth_token", bySecret).browserToken());
      assertDoesNotThrow(
          () -> call("socialize.getUserInfo").param("oauth_token", byFlow).serverMethod(),
          "a browser flow's token was not minted with the secret");
      String afterRotation = token(strictUser, OAuthToken.Kind.USER, OAuthToken.Client.SITE_SECRET);
      assertDoesNotThrow(
          () -> call("socialize.getUserInfo").param("oauth_token", afterRotation).serverMethod());
    }

    @Test
    void aSiteSecretTokenOutlivesARotationByDefault() {
      Instant before = Instant.now().minusSeconds(5);
      String bySecret =
          storedToken(
              user,
              OAuthToken.Kind.USER,
              OAuthToken.Client.SITE_SECRET,
              before,
              before.plusSeconds(3600));

      rotateSecret(apiKey);

      assertEquals(
          user.id(),
          call("socialize.getUserInfo")
              .param("oauth_token", bySecret)
              .serverMethod()
              .account()
              .id());
    }
  }

  // ---- socialize.getToken's client -----------------------------------------------------------

  @Nested
  class TokenClients {

    @Test
    void clientIdAndSecretInTheForm() {
      Caller c =
          call("socialize.getToken")
              .param("client_id", apiKey)
              .param("client_secret", secret)
              .tokenClient();

      assertEquals(Proof.CLIENT_CREDENTIALS, c.proof());
      assertEquals(apiKey, c.site().apiKey());
      assertNull(c.application());
      assertEquals(OAuthToken.Client.SITE_SECRET, c.client());

      assertRefused(
          ErrorCode.INVALID_SECRET,
          () ->
              call("socialize.getToken")
                  .param("client_id", apiKey)
                  .param("client_secret", Randoms.base64(24))
                  .tokenClient());
      assertRefused(
          ErrorCode.MISSING_REQUIRED_PARAMETER,
          () -> call("socialize.getToken").param("client_id", apiKey).tokenClient());
      assertRefused(
          ErrorCode.MISSING_REQUIRED_PARAMETER,
          () -> call("socialize.getToken").param("client_secret", secret).tokenClient());
    }

    @Test
    void clientIdAndSecretInHttpBasicRawOrFormEncoded() {
      SiteService.CreatedSite site = siteWithFormEncodingSensitiveSecret();
      String key = site.site().apiKey();
      String raw = key + ":" + site.secret();
      String formEncoded = form(key) + ":" + form(site.secret());
      assertNotEquals(raw, formEncoded);

      for (String credentials : List.of(raw, formEncoded)) {
        Caller c =
            call("socialize.getToken").header("Authorization", basic(credentials)).tokenClient();
        assertEquals(Proof.CLIENT_CREDENTIALS, c.proof(), credentials);
        assertEquals(key, c.site().apiKey());
      }

      assertRefused(
          ErrorCode.INVALID_SECRET,
          () ->
              call("socialize.getToken")
                  .header("Authorization", basic(key + ":" + secret))
                  .tokenClient());
      assertRefused(
          ErrorCode.INVALID_AUTHENTICATION_HEADER,
          () -> call("socialize.getToken").header("Authorization", "Basic %%%").tokenClient());
    }

    @Test
    void anApplicationKeyNeedsThePermissionToGetTokens() {
      SiteService.CreatedApplication allowed = application(Authentication.GET_TOKEN);
      Caller c =
          call("socialize.getToken")
              .param("client_id", apiKey)
              .param("userKey", allowed.key().userKey())
              .param("secret", allowed.secret())
              .tokenClient();
      assertEquals(allowed.key().userKey(), c.application().userKey());
      assertEquals(OAuthToken.Client.applicationKey(allowed.key().userKey()), c.client());

      assertRefused(
          ErrorCode.INVALID_SECRET,
          () ->
              call("socialize.getToken")
                  .param("client_id", apiKey)
                  .param("userKey", allowed.key().userKey())
                  .param("secret", secret)
                  .tokenClient());

      SiteService.CreatedApplication reader = application("socialize.getUserInfo");
      assertRefused(
          ErrorCode.PERMISSION_DENIED,
          () ->
              call("socialize.getToken")
                  .param("client_id", apiKey)
                  .param("userKey", reader.key().userKey())
                  .param("secret", reader.secret())
                  .tokenClient());
    }

    @Test
    void getTokenTakesHttpsOnly() {
      assertRefused(
          ErrorCode.SECRET_SENT_OVER_HTTP,
          () ->
              call("socialize.getToken")
                  .http()
                  .param("client_id", apiKey)
                  .param("client_secret", secret)
                  .tokenClient());
      assertRefused(
          ErrorCode.SECRET_SENT_OVER_HTTP,
          () ->
              call("socialize.getToken")
                  .http()
                  .header("Authorization", basic(apiKey + ":" + secret))
                  .tokenClient());
      assertRefused(
          ErrorCode.INVALID_REQUEST_FORMAT,
          () -> call("socialize.getToken").http().param("client_id", apiKey).tokenClient());
    }
  }

  // ---- the administrator ---------------------------------------------------------------------

  @Nested
  class Administrator {

    private static final String SETTING = "admin.password.sha256";

    @BeforeEach
    void noStoredPassword() {
      db.update("DELETE FROM junction_setting WHERE name = ?", SETTING);
    }

    @Test
    void theConfiguredCredentialsAreAccepted() {
      AdminCredentials admin = admin("root", "correct horse");

      assertDoesNotThrow(() -> administrator(admin, basic("root:correct horse")));

      GigyaException wrongPassword =
          assertRefused(
              ErrorCode.UNAUTHORIZED_USER, () -> administrator(admin, basic("root:wrong")));
      assertEquals(401, wrongPassword.httpStatus());
      GigyaException wrongUser =
          assertRefused(
              ErrorCode.UNAUTHORIZED_USER,
              () -> administrator(admin, basic("admin:correct horse")));
      assertEquals(401, wrongUser.httpStatus());
    }

    @Test
    void missingOrUnreadableCredentialsAreRefused() {
      AdminCredentials admin = admin("root", "correct horse");
      List<String> headers = new ArrayList<>();
      headers.add(null);
      headers.add("Bearer abc");
      headers.add("Basic not-base64!");
      headers.add("Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes()));
      for (String header : headers) {
        GigyaException e =
            assertRefused(
                ErrorCode.INVALID_AUTHENTICATION_HEADER, () -> administrator(admin, header));
        assertEquals(401, e.httpStatus(), String.valueOf(header));
      }
    }

    @Test
    void aStoredPasswordDigestIsAcceptedOnEveryNode() {
      String hex = HexFormat.of().formatHex(sha256("stored password"));
      db.update("INSERT INTO junction_setting (name, setting_value) VALUES (?, ?)", SETTING, hex);

      AdminCredentials admin = admin("admin", null);

      assertDoesNotThrow(() -> administrator(admin, basic("admin:stored password")));
      assertRefused(ErrorCode.UNAUTHORIZED_USER, () -> administrator(admin, basic("admin:other")));
    }

    @Test
    void aGeneratedPasswordIsShownOnceAndKeptForEveryNode() {
      List<String> logged = new ArrayList<>();
      Logger logger = Logger.getLogger(AdminCredentials.class.getName());
      Handler capture =
          new Handler() {
            @Override
            public void publish(LogRecord record) {
              logged.add(record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
          };
      logger.addHandler(capture);
      boolean parentHandlers = logger.getUseParentHandlers();
      logger.setUseParentHandlers(false);
      AdminCredentials first;
      AdminCredentials second;
      try {
        first = admin("admin", null);
        first.init();
        second = admin("admin", null);
        second.init();
      } finally {
        logger.removeHandler(capture);
        logger.setUseParentHandlers(parentHandlers);
      }

      assertEquals(1, logged.size(), "shown once: " + logged);
      String message = logged.get(0);
      String marker = "for user 'admin': ";
      int at = message.indexOf(marker);
      assertTrue(at > 0, message);
      String password = message.substring(at + marker.length()).split(" ")[0];
      assertEquals(
          HexFormat.of().formatHex(sha256(password)), storedDigest(), "only its digest is stored");
      assertDoesNotThrow(() -> administrator(first, basic("admin:" + password)));
      assertDoesNotThrow(() -> administrator(second, basic("admin:" + password)));
      assertRefused(
          ErrorCode.UNAUTHORIZED_USER,
          () -> administrator(second, basic("admin:" + password + "x")));
    }

    private String storedDigest() {
      try (var c = db.dataSource().getConnection();
          var s = c.prepareStatement("SELECT setting_value FROM junction_setting WHERE name = ?")) {
        s.setString(1, SETTING);
        try (var r = s.executeQuery()) {
          return r.next() ? r.getString(1) : null;
        }
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    private AdminCredentials admin(String user, String password) {
      Beans settings = new Beans().config("JUNCTION_ADMIN_USER", user);
      if (password != null) {
        settings.config("JUNCTION_ADMIN_PASSWORD", password);
      }
      return app.beans().create(AdminCredentials.class, settings.get(JunctionConfig.class));
    }

    private void administrator(AdminCredentials admin, String authorization) {
      Request request = call("");
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      request.authentication(admin).administrator();
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** A call of a Socialize method, over HTTPS by POST unless told otherwise. */
  private Request call(String method) {
    return new Request(method);
  }

  private final class Request {
    private final String method;
    private boolean secure = true;
    private final Map<String, String> params = new LinkedHashMap<>();
    private final Map<String, String> headers = new HashMap<>();

    Request(String method) {
      this.method = method;
    }

    Request http() {
      secure = false;
      return this;
    }

    Request param(String name, String value) {
      params.put(name, value);
      return this;
    }

    Request without(String name) {
      params.remove(name);
      return this;
    }

    Request header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /**
     * Signs the call as an SDK does: timestamp (unless set), a nonce (unless set), and {@code sig}
     * over every parameter for {@code url}.
     */
    Request signed(String signingSecret, String url) {
      params.putIfAbsent("timestamp", String.valueOf(Instant.now().getEpochSecond()));
      params.putIfAbsent("nonce", System.currentTimeMillis() + "_" + Randoms.urlSafe(6));
      params.putIfAbsent("format", "json");
      params.putIfAbsent("sdk", "java_3.2.4");
      params.remove("sig");
      params.put(
          "sig",
          GigyaSignature.hmac(signingSecret, GigyaSignature.baseString("POST", url, params)));
      return this;
    }

    Authentication authentication(Object... extraBeans) {
      ApiCall call = ApiCalls.of(method, secure, "POST", HOST, params);
      Map<String, String> allHeaders = new HashMap<>(headers);
      allHeaders.put("Host", HOST);
      HttpServletRequest request =
          FakeHttpRequest.of(HOST, secure ? 443 : 80, "/" + method, allHeaders);
      Object[] requestBeans = new Object[extraBeans.length + 2];
      requestBeans[0] = call;
      requestBeans[1] = request;
      System.arraycopy(extraBeans, 0, requestBeans, 2, extraBeans.length);
      return app.beans().create(Authentication.class, requestBeans);
    }

    Caller serverMethod() {
      return authentication().serverMethod();
    }

    Caller tokenClient() {
      return authentication().tokenClient();
    }

    Caller browserToken() {
      return authentication().browserToken();
    }
  }

  private static Account siteUser(String apiKey, String uid) {
    return db.transactional(AccountService.class, "siteUser", () -> accounts.siteUser(apiKey, uid));
  }

  private SiteService.CreatedApplication application(String... permissions) {
    return db.transactional(
        SiteService.class,
        "createApplication",
        () -> sites.createApplication(apiKey, "app", List.of(permissions)));
  }

  private SiteService.CreatedApplication rsaApplication(String... permissions) {
    return db.transactional(
        SiteService.class,
        "createRsaApplication",
        () -> sites.createRsaApplication(apiKey, "rsa app", List.of(permissions), null));
  }

  private static void rotateSecret(String key) {
    db.transactional(SiteService.class, "rotateSecret", () -> sites.rotateSecret(key));
  }

  /** A token issued now by TokenService. */
  private String token(Account account, OAuthToken.Kind kind, OAuthToken.Client client) {
    return db.transactional(
        TokenService.class,
        "issueToken",
        () ->
            tokens
                .issueToken(
                    apiKey(account), account == null ? null : account.id(), kind, null, client)
                .token());
  }

  /** A token stored with the given times, as issued then. */
  private String storedToken(
      Account account,
      OAuthToken.Kind kind,
      OAuthToken.Client client,
      Instant createdAt,
      Instant expiresAt) {
    String value = "jt1." + Randoms.urlSafe(32);
    db.inTransaction(
        () ->
            db.entityManager()
                .persist(
                    new OAuthToken(
                        Hashes.sha256Hex(value),
                        apiKey(account),
                        account == null ? null : account.id(),
                        kind,
                        createdAt,
                        expiresAt,
                        client)));
    return value;
  }

  private String apiKey(Account account) {
    return account == null ? apiKey : account.apiKey();
  }

  /**
   * A site whose secret changes when form-encoded (it holds '+' or '/'), as about two in three
   * random secrets do.
   */
  private static SiteService.CreatedSite siteWithFormEncodingSensitiveSecret() {
    for (int i = 0; i < 50; i++) {
      SiteService.CreatedSite site = app.newSite();
      if (!form(site.secret()).equals(site.secret())) {
        return site;
      }
    }
    throw new IllegalStateException("50 secrets without '+' or '/'");
  }

  private static String form(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String basic(String credentials) {
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
