package io.junction.provider.odnoklassniki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.AuthorizationRequest;
import io.junction.api.ErrorCode;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderException;
import io.junction.api.ProviderTokens;
import io.junction.api.SocialProfile;
import io.junction.provider.support.ProviderHttp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OdnoklassnikiConnectorTest {

  private final OdnoklassnikiConnector ok = new OdnoklassnikiConnector();

  @Test
  void signatureMatchesAnIndependentComputation() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("method", "users.getCurrentUser");
    params.put("format", "json");
    params.put("application_key", "CBAFJIICABABABABA");
    params.put("fields", "uid,name");
    params.put("access_token", "tkn123");
    // md5("application_key=CBAFJIICABABABABAfields=uid,nameformat=jsonmethod=users.getCurrentUser"
    //     + md5("tkn123" + "SECRET456")), computed outside Java
    assertEquals(
        "b38dc04f9760fa974e4690492d0f6df6",
        OdnoklassnikiSignature.sign(params, "tkn123", "SECRET456"));
  }

  @Test
  void authorizationUrlCarriesSeedPermissionsSemicolonSeparatedAndTheLayout() {
    ProviderApp app = new ProviderApp("512000", "CBAQPUBLIC", "s", List.of());
    String url =
        ok.authorizationUrl(
            new AuthorizationRequest(
                app,
                "https://localhost:9443/GS/GSLogin.aspx",
                "st4te",
                List.of("GET_EMAIL"),
                "touch",
                "ru",
                null,
                null));
    assertTrue(url.startsWith("https://connect.ok.ru/oauth/authorize?"), url);
    assertTrue(url.contains("client_id=512000"), url);
    assertTrue(url.contains("response_type=code"), url);
    assertTrue(url.contains("scope=VALUABLE_ACCESS%3BSET_STATUS%3BPHOTO_CONTENT%3BGET_EMAIL"), url);
    assertTrue(
        url.contains("redirect_uri=https%3A%2F%2Flocalhost%3A9443%2FGS%2FGSLogin.aspx"), url);
    assertTrue(url.contains("state=st4te"), url);
    assertTrue(url.contains("layout=m"), url);
  }

  @Test
  void configuredPermissionsReplaceTheDefaults() {
    ProviderApp app =
        new ProviderApp("1", "P", "s", List.of("VALUABLE_ACCESS", "LONG_ACCESS_TOKEN"));
    String url =
        ok.authorizationUrl(
            new AuthorizationRequest(
                app, "https://h/cb", "s", List.of("VALUABLE_ACCESS"), "page", null, null, null));
    assertTrue(url.contains("scope=VALUABLE_ACCESS%3BLONG_ACCESS_TOKEN&"), url);
    assertTrue(url.contains("layout=w"), url);
  }

  @Test
  void profileFromASavedResponse() throws Exception {
    SocialProfile p = ok.profile(resource("current-user.json"));
    assertEquals("571234567890", p.providerUid());
    assertEquals("Ivan Petrov", p.nickname());
    assertEquals("Ivan", p.firstName());
    assertEquals("Petrov", p.lastName());
    assertEquals("ivan@example.ru", p.email());
    assertEquals("m", p.gender());
    assertEquals("1985-03-17", p.birthday());
    assertEquals("https://i.mycdn.me/res/stub_128x96.gif", p.photoUrl());
    assertEquals("https://ok.ru/profile/571234567890", p.profileUrl());
  }

  @Test
  void apiErrorsWithHttp200BecomeProviderErrors() throws Exception {
    String error = resource("error-102.json").toString();
    ProviderException e =
        assertThrows(
            ProviderException.class,
            () -> ok.currentUser(new ProviderHttp.Answer(200, "application/json", error)));
    assertEquals(ErrorCode.PROVIDER_ERROR, e.code());
    assertTrue(
        e.getMessage().startsWith("users.getCurrentUser failed: HTTP 200, error_code=102"),
        e.getMessage());
    ProviderException gateway =
        assertThrows(
            ProviderException.class,
            () -> ok.currentUser(new ProviderHttp.Answer(502, "text/html", "<html>bad</html>")));
    assertEquals("users.getCurrentUser failed: HTTP 502", gateway.getMessage());
    JsonObject user = resource("current-user.json");
    assertEquals(
        user, ok.currentUser(new ProviderHttp.Answer(200, "application/json", user.toString())));
  }

  @Test
  void tokenResponses() {
    ProviderTokens t =
        ok.tokens(
            new ProviderHttp.Answer(
                200,
                "application/json",
                "{\"token_type\":\"session\",\"refresh_token\":\"r1\",\"access_token\":\"a1\",\"expires_in\":\"1800\"}"),
            null);
    assertEquals("a1", t.accessToken());
    assertEquals("r1", t.refreshToken());
    assertEquals(1800L, t.expiresIn());

    ProviderException refused =
        assertThrows(
            ProviderException.class,
            () ->
                ok.tokens(
                    new ProviderHttp.Answer(
                        200,
                        "application/json",
                        "{\"error\":\"invalid_grant\",\"error_description\":\"Expired code\"}"),
                    null));
    assertTrue(refused.getMessage().contains("invalid_grant"));
    assertThrows(
        ProviderException.class,
        () ->
            ok.tokens(new ProviderHttp.Answer(502, "text/html", "<html>bad gateway</html>"), null));
    ProviderException malformed =
        assertThrows(
            ProviderException.class,
            () ->
                ok.tokens(
                    new ProviderHttp.Answer(200, "application/json", "{\"access_token\":"), null));
    assertTrue(malformed.getMessage().contains("malformed"));
    ProviderTokens refreshed =
        ok.tokens(
            new ProviderHttp.Answer(200, "application/json", "{\"access_token\":\"a2\"}"), "r1");
    assertEquals("r1", refreshed.refreshToken());
  }

  private static JsonObject resource(String name) throws Exception {
    try (InputStream in =
        OdnoklassnikiConnectorTest.class.getResourceAsStream("/odnoklassniki/" + name)) {
      return Json.createReader(in).readObject();
    }
  }
}
