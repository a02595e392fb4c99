package io.junction.provider.facebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.AuthorizationRequest;
import io.junction.api.ProviderApp;
import io.junction.api.SocialProfile;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class FacebookConnectorTest {

  private final FacebookConnector fb = new FacebookConnector();

  @Test
  void appsecretProofIsHmacSha256OfTheToken() {
    // hex(HMAC-SHA256(key "app-secret-123", "EAAB-token-xyz")), computed outside Java
    assertEquals(
        "5c6bf2d7121170f3e027e3acc225600968e1aa079019f161741142be38b0dcae",
        FacebookConnector.appsecretProof("EAAB-token-xyz", "app-secret-123"));
  }

  @Test
  void displayModeIsFacebooksDisplay() {
    String url =
        fb.authorizationUrl(
            new AuthorizationRequest(
                new ProviderApp("1234567890", null, "s", List.of()),
                "https://h/GS/GSLogin.aspx",
                "st",
                List.of("user_birthday"),
                "popup",
                null,
                null,
                null));
    assertTrue(url.startsWith("https://www.facebook.com/v21.0/dialog/oauth?"), url);
    assertTrue(url.contains("display=popup"), url);
    assertTrue(url.contains("scope=email%2Cpublic_profile%2Cuser_birthday"), url);
  }

  @Test
  void profileFromASavedAnswer() throws Exception {
    JsonObject me;
    try (InputStream in = FacebookConnectorTest.class.getResourceAsStream("/facebook/me.json")) {
      me = Json.createReader(in).readObject();
    }
    SocialProfile p = fb.profile(me);
    assertEquals("10158976512345678", p.providerUid());
    assertEquals("Maria Garcia", p.nickname());
    assertEquals("maria@example.com", p.email());
    assertEquals("f", p.gender());
    assertEquals("1992-08-15", p.birthday());
    assertEquals("es_ES", p.locale());
    assertTrue(p.photoUrl().startsWith("https://platform-lookaside.fbsbx.com/"));
  }
}
