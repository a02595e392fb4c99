package io.junction.provider.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.AuthorizationRequest;
import io.junction.api.CodeExchange;
import io.junction.api.ErrorCode;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderException;
import io.junction.api.SocialConnector;
import io.junction.provider.google.GoogleConnector;
import io.junction.provider.line.LineConnector;
import io.junction.provider.linkedin.LinkedinConnector;
import io.junction.provider.microsoft.MicrosoftConnector;
import io.junction.provider.yahoo.YahooConnector;
import io.junction.provider.yahoojapan.YahooJapanConnector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenID Connect connectors' real endpoints and quirks. */
class OidcConnectorsTest {

  private static String url(SocialConnector c, String display) {
    return c.authorizationUrl(
        new AuthorizationRequest(
            new ProviderApp("client-1", null, "s", List.of()),
            "https://h/GS/GSLogin.aspx",
            "st",
            List.of(),
            display,
            null,
            "challenge",
            "nonce-1"));
  }

  @Test
  void realEndpointsWithNonceAndPkce() {
    assertTrue(
        url(new GoogleConnector(), "popup")
            .startsWith("https://accounts.google.com/o/oauth2/v2/auth?"));
    assertTrue(url(new GoogleConnector(), "popup").contains("display=popup"));
    assertTrue(
        url(new MicrosoftConnector(), null)
            .startsWith("https://login.microsoftonline.com/common/oauth2/v2.0/authorize?"));
    assertTrue(
        url(new YahooConnector(), null)
            .startsWith("https://api.login.yahoo.com/oauth2/request_auth?"));
    assertTrue(
        url(new YahooJapanConnector(), "touch")
            .startsWith("https://auth.login.yahoo.co.jp/yconnect/v2/authorization?"));
    assertTrue(url(new YahooJapanConnector(), "touch").contains("display=touch"));
    assertTrue(
        url(new LineConnector(), null).startsWith("https://access.line.me/oauth2/v2.1/authorize?"));
    for (SocialConnector c :
        List.of(
            new GoogleConnector(),
            new MicrosoftConnector(),
            new YahooConnector(),
            new YahooJapanConnector(),
            new LineConnector())) {
      String u = url(c, null);
      assertTrue(
          u.contains("nonce=nonce-1")
              && u.contains("code_challenge=challenge")
              && u.contains("code_challenge_method=S256"),
          u);
      assertTrue(
          u.contains("scope=openid%20profile%20email") || u.contains("scope=openid+profile+email"),
          u);
    }
    String linkedin = url(new LinkedinConnector(), null);
    assertTrue(linkedin.startsWith("https://www.linkedin.com/oauth/v2/authorization?"), linkedin);
    assertTrue(linkedin.contains("nonce=nonce-1"), linkedin);
    assertFalse(
        linkedin.contains("code_challenge"), "LinkedIn takes no PKCE from web applications");
  }

  /** A token endpoint that refuses every code, recording the calls. */
  private static final class RefusingTokenEndpoint extends ProviderHttp {
    final List<String> posts = new ArrayList<>();

    @Override
    public Answer postForm(
        String provider, String url, Map<String, String> form, String authorization) {
      posts.add(url);
      return new Answer(400, "application/json", "{\"error\":\"invalid_grant\"}");
    }
  }

  private static ProviderException exchange(OidcConnector c, String iss) {
    return assertThrows(
        ProviderException.class,
        () ->
            c.exchangeCode(
                new ProviderApp("client-1", null, "s", List.of()),
                new CodeExchange("code-1", "https://h/GS/GSLogin.aspx", "v", "n", iss)));
  }

  @Test
  void aCodeFromAnotherIssuerIsNeverExchanged() {
    RefusingTokenEndpoint endpoint = new RefusingTokenEndpoint();
    GoogleConnector google = new GoogleConnector();
    google.http = endpoint;
    ProviderException mixUp = exchange(google, "https://idp.attacker.example");
    assertEquals(ErrorCode.UNEXPECTED_PROVIDER_USER, mixUp.code());
    assertTrue(mixUp.getMessage().contains("https://accounts.google.com"), mixUp.getMessage());
    assertEquals(List.of(), endpoint.posts, "the code went to no token endpoint");

    ProviderException controls = exchange(google, "https://x/\r\nforged line");
    assertFalse(controls.getMessage().contains("\n"), "no line breaks from the request");

    assertEquals(ErrorCode.PROVIDER_ERROR, exchange(google, "https://accounts.google.com").code());
    assertEquals(
        ErrorCode.PROVIDER_ERROR,
        exchange(google, null).code(),
        "a response without iss goes on to the token endpoint");
    assertEquals(
        List.of("https://oauth2.googleapis.com/token", "https://oauth2.googleapis.com/token"),
        endpoint.posts);
  }
}
