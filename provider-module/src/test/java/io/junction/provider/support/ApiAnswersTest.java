package io.junction.provider.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderException;
import io.junction.api.ProviderInfo;
import io.junction.api.ProviderTokens;
import io.junction.api.SocialProfile;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** How every connector reads the answers of its provider's API calls. */
class ApiAnswersTest {

  private static final class Example extends OAuth2Connector {
    @Override
    public ProviderInfo info() {
      return new ProviderInfo("example", "Example", false, List.of(), "Paste the callback.");
    }

    @Override
    protected String defaultAuthorizeUrl() {
      return "https://example.test/authorize";
    }

    @Override
    protected String defaultTokenUrl() {
      return "https://example.test/token";
    }

    @Override
    public SocialProfile fetchProfile(ProviderApp app, ProviderTokens tokens) {
      throw new UnsupportedOperationException();
    }
  }

  private static final Function<JsonObject, String> ERROR_CODE =
      b -> b.containsKey("error_code") ? OAuth2Connector.errorFields(b, "error_code", "msg") : null;

  private final Example example = new Example();

  private static ProviderHttp.Answer answer(int status, String body) {
    return new ProviderHttp.Answer(status, "application/json", body);
  }

  private String refusal(ProviderHttp.Answer answer) {
    ProviderException e =
        assertThrows(
            ProviderException.class, () -> example.apiAnswer("users.get", answer, ERROR_CODE));
    assertEquals(ErrorCode.PROVIDER_ERROR, e.code());
    assertEquals("example", e.provider());
    return e.getMessage();
  }

  @Test
  void aSuccessfulAnswerIsItsBody() {
    assertEquals(
        Json.createObjectBuilder().add("id", 7).build(),
        example.apiAnswer("users.get", answer(200, "{\"id\":7}"), ERROR_CODE));
  }

  @Test
  void anErrorIsTheCallTheStatusAndTheProvidersFields() {
    assertEquals(
        "users.get failed: HTTP 200, error_code=5, msg=denied",
        refusal(answer(200, "{\"error_code\":5,\"msg\":\"denied\"}")));
    assertEquals(
        "users.get failed: HTTP 401, error_code=5", refusal(answer(401, "{\"error_code\":5}")));
    assertEquals("users.get failed: HTTP 500", refusal(answer(500, "{}")));
    assertEquals(
        "users.get failed: HTTP 502",
        refusal(new ProviderHttp.Answer(502, "text/html", "<html>Bad gateway</html>")));
    assertEquals("users.get failed: HTTP 503", refusal(answer(503, "")));
    assertEquals("example answered malformed JSON (HTTP 200)", refusal(answer(200, "{\"id\":")));
    assertEquals(
        "users.get failed: HTTP 200, error_code=" + "x".repeat(200),
        refusal(answer(200, "{\"error_code\":\"" + "x".repeat(300) + "\"}")));
  }

  @Test
  void aTokenAnswerWithNullFieldsGivesTheTokensWithoutThem() {
    ProviderTokens t =
        example.tokens(
            answer(200, "{\"access_token\":\"a1\",\"scope\":null,\"refresh_token\":null}"), "r0");
    assertEquals("a1", t.accessToken());
    assertEquals("r0", t.refreshToken());
    assertFalse(t.extras().containsKey("scope"));
  }

  @Test
  void aFormEncodedTokenAnswerWithABadEscapeIsAProviderError() {
    for (String body : List.of("access_token=a1&x=%zz", "access_token=%", "a%G1=1")) {
      ProviderException e =
          assertThrows(
              ProviderException.class,
              () -> example.tokens(new ProviderHttp.Answer(200, "text/plain", body), null),
              body);
      assertEquals(ErrorCode.PROVIDER_ERROR, e.code(), body);
      assertEquals("example answered a body that cannot be read", e.getMessage(), body);
    }
  }

  @Test
  void gendersAsGigyaHasThem() {
    assertEquals("m", OAuth2Connector.gender("male"));
    assertEquals("f", OAuth2Connector.gender("female"));
    assertEquals("u", OAuth2Connector.gender("mystery"));
    assertNull(OAuth2Connector.gender(null));
  }
}
