package io.junction.it;

import static io.junction.it.Browser.answer;
import static io.junction.it.Browser.connectUrl;
import static io.junction.it.Browser.enc;
import static io.junction.it.Browser.location;
import static io.junction.it.Browser.loginUrl;
import static io.junction.it.Junction.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PKCE between a site and Junction (S256) through real HTTP: socialize.login with a code_challenge,
 * the code through the Odnoklassniki stand-in, and socialize.getToken with the code_verifier; and a
 * site that requires it.
 */
class SitePkceIT {

  private static final SecureRandom RANDOM = new SecureRandom();

  static String newVerifier() {
    byte[] bytes = new byte[48];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String s256(String verifier) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              MessageDigest.getInstance("SHA-256")
                  .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String pkce(String verifier) {
    return "&code_challenge=" + enc(s256(verifier)) + "&code_challenge_method=S256";
  }

  /** A code from a login through the stand-in, with {@code params} added to socialize.login. */
  static String code(Sites.Site site, String params, String who) {
    Map<String, String> back =
        answer(new Browser().roundTrip(loginUrl(site.apiKey(), params), OkStandIn.newUser(who)));
    assertNotNull(back.get("code"), back.toString());
    return back.get("code");
  }

  static HttpResponse<String> redeem(Sites.Site site, String code, String verifierParam) {
    return Sites.getToken(
        site,
        "grant_type=authorization_code&code="
            + enc(code)
            + "&redirect_uri="
            + enc(Browser.SITE_PAGE)
            + verifierParam);
  }

  static void refused(HttpResponse<String> r, int errorCode, String detailPart) {
    JsonObject body = json(r);
    assertEquals(errorCode, body.getInt("errorCode"), r.body());
    assertTrue(body.getString("errorDetails", "").contains(detailPart), r.body());
    assertFalse(body.containsKey("access_token"), r.body());
  }

  @Test
  void aCodeIssuedWithAChallengeIsRedeemedWithItsVerifier() {
    Sites.Site site = Sites.withOdnoklassniki();
    String verifier = newVerifier();
    String code = code(site, pkce(verifier), "Pkce");

    HttpResponse<String> r = redeem(site, code, "&code_verifier=" + enc(verifier));
    JsonObject body = json(r);
    assertEquals(0, body.getInt("errorCode"), r.body());
    String token = body.getString("access_token");
    assertEquals(0, Sites.call("socialize.getUserInfo", token, "").getInt("errorCode"));
    refused(redeem(site, code, "&code_verifier=" + enc(verifier)), 400006, "code");
  }

  @Test
  void aWrongOrMissingVerifierGetsNoTokenAndBurnsTheCode() {
    Sites.Site site = Sites.withOdnoklassniki();
    String verifier = newVerifier();

    String wrong = code(site, pkce(verifier), "Wrong");
    refused(redeem(site, wrong, "&code_verifier=" + enc(newVerifier())), 400014, "code_verifier");
    refused(redeem(site, wrong, "&code_verifier=" + enc(verifier)), 400006, "code");

    String missing = code(site, pkce(verifier), "Missing");
    refused(redeem(site, missing, ""), 400002, "code_verifier");
    refused(redeem(site, missing, "&code_verifier=" + enc(verifier)), 400006, "code");

    String malformed = code(site, pkce(verifier), "Malformed");
    refused(redeem(site, malformed, "&code_verifier=short"), 400006, "code_verifier");
    refused(redeem(site, malformed, "&code_verifier=" + enc(verifier)), 400006, "code");
  }

  @Test
  void aVerifierForACodeIssuedWithoutChallengeIsRefused() {
    Sites.Site site = Sites.withOdnoklassniki();
    String code = code(site, "", "Downgrade");
    refused(redeem(site, code, "&code_verifier=" + enc(newVerifier())), 400014, "code_verifier");
    refused(redeem(site, code, ""), 400006, "code");

    // Without a verifier, a code without challenge is redeemed as before.
    String plain = code(site, "", "NoPkce");
    assertEquals(0, json(redeem(site, plain, "")).getInt("errorCode"));
  }

  @Test
  void onlyS256AndWellFormedChallengesAreAccepted() {
    Sites.Site site = Sites.withOdnoklassniki();
    Browser b = new Browser();
    String challenge = s256(newVerifier());
    assertRedirected(
        b,
        loginUrl(site.apiKey(), "&code_challenge=" + challenge + "&code_challenge_method=plain"),
        "400006",
        "code_challenge_method");
    assertRedirected(
        b,
        loginUrl(site.apiKey(), "&code_challenge=" + challenge),
        "400002",
        "code_challenge_method");
    assertRedirected(
        b, loginUrl(site.apiKey(), "&code_challenge_method=S256"), "400002", "code_challenge");
    assertRedirected(
        b,
        loginUrl(site.apiKey(), "&code_challenge=tooShort&code_challenge_method=S256"),
        "400006",
        "code_challenge");
    assertRedirected(
        b,
        loginUrl(
            site.apiKey(),
            "&code_challenge=" + enc(challenge + "/+") + "&code_challenge_method=S256"),
        "400006",
        "code_challenge");
    // The implicit flow has no code to bind a challenge to.
    assertRedirected(
        b,
        loginUrl(site.apiKey(), pkce(newVerifier()))
            .replace("response_type=code", "response_type=token"),
        "400006",
        "code_challenge");
  }

  @Test
  void aSiteThatRequiresPkceRefusesFlowsWithoutIt() {
    // The connection below runs in another browser than the login: no confirmation page here.
    Sites.Site site =
        Sites.withOdnoklassniki(",\"requirePkce\":true,\"connectConfirmation\":false", "");
    Browser b = new Browser();
    assertRedirected(b, loginUrl(site.apiKey(), ""), "400002", "code_challenge");
    String implicit =
        loginUrl(site.apiKey(), "").replace("response_type=code", "response_type=token");
    Map<String, String> token = answer(location(b.get(implicit)));
    assertEquals("400012", token.get("errorCode"), token.toString());
    assertNull(URI.create(location(b.get(implicit))).getRawQuery(), "answered in the fragment");

    // With a challenge, the whole flow works.
    String verifier = newVerifier();
    String code = code(site, pkce(verifier), "Required");
    HttpResponse<String> r = redeem(site, code, "&code_verifier=" + enc(verifier));
    String userToken = json(r).getString("access_token", null);
    assertNotNull(userToken, r.body());

    // addConnection too: refused without a challenge, connected with one.
    assertRedirected(b, connectUrl(userToken, ""), "400002", "code_challenge");
    Map<String, String> connected =
        answer(b.roundTrip(connectUrl(userToken, pkce(newVerifier())), OkStandIn.newUser("Con")));
    assertEquals("0", connected.get("errorCode"), connected.toString());
    assertEquals(
        2, Sites.call("socialize.getUserInfo", userToken, "").getJsonArray("identities").size());
  }

  private static void assertRedirected(Browser b, String url, String errorCode, String detail) {
    Map<String, String> back = answer(location(b.get(url)));
    assertEquals(errorCode, back.get("errorCode"), url + " -> " + back);
    assertTrue(back.getOrDefault("errorDetails", "").contains(detail), back.toString());
  }
}
