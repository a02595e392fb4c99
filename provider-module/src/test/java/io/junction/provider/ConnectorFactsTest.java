package io.junction.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.AuthorizationRequest;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderInfo;
import io.junction.api.SocialConnector;
import io.junction.provider.oidc.GenericOidcConnector;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every connector CDI registers carries its provider's complete description. */
class ConnectorFactsTest {

  private final List<SocialConnector> connectors = Connectors.all();

  @Test
  void everyProviderHasAConnectorAndTheSitesOwnOpenIdConnectOneIsThere() {
    Set<String> ids = new HashSet<>();
    for (SocialConnector c : connectors) {
      assertTrue(ids.add(c.info().id()), "two connectors speak for " + c.info().id());
    }
    assertEquals(17, connectors.size(), ids.toString());
    assertTrue(ids.contains(GenericOidcConnector.ID), ids.toString());
  }

  @Test
  void everyDescriptionIsComplete() {
    for (SocialConnector c : connectors) {
      ProviderInfo info = c.info();
      assertEquals(info.id().toLowerCase(Locale.ROOT).trim(), info.id());
      assertFalse(info.displayName().isBlank(), info.id());
      assertTrue(info.setupNotes().length() > 40, info.id() + ": " + info.setupNotes());
      assertTrue(
          info.setupNotes().contains("callback"),
          info.id() + " says where the callback goes: " + info.setupNotes());
      assertEquals(info.usesPublicKey(), info.setupNotes().contains("Public key"), info.id());
    }
  }

  @Test
  void everyProviderTakesAStoredFlowsState() {
    // A flow whose sealed state is too long for its provider is stored under 32 random bytes in
    // base64url: 43 characters every provider must take.
    for (SocialConnector c : connectors) {
      assertTrue(c.maxStateLength() >= 43, c.info().id() + ": " + c.maxStateLength());
    }
  }

  @Test
  void theScopesSentAreTheDescriptionsDefaultScopes() {
    for (SocialConnector c : connectors) {
      SocialConnector connector = c instanceof GenericOidcConnector ? discovered() : c;
      assertEquals(
          c.info().defaultPermissions(), scopesSent(connector), c.info().id() + " sends its own");
    }
  }

  /** The generic connector with its provider's discovery answered: the authorize endpoint. */
  private static GenericOidcConnector discovered() {
    return new GenericOidcConnector() {
      @Override
      protected String authorizeUrl(ProviderApp app) {
        return "https://op.example/authorize";
      }
    };
  }

  /** The scopes of an authorization URL for a site that configured no permissions. */
  private static List<String> scopesSent(SocialConnector c) {
    String url =
        c.authorizationUrl(
            new AuthorizationRequest(
                new ProviderApp("app-1", "public-1", "secret-1", List.of()),
                "https://h/GS/GSLogin.aspx",
                "st",
                List.of(),
                null,
                null,
                "challenge",
                "nonce"));
    String query = URI.create(url).getRawQuery();
    for (String pair : query.split("&")) {
      if (pair.startsWith("scope=")) {
        String scope = URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
        return scope.isEmpty() ? List.of() : Arrays.asList(scope.split("[ ,;]"));
      }
    }
    return List.of();
  }
}
