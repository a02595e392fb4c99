package io.junction.provider.mixi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.AuthorizationRequest;
import io.junction.api.ProviderApp;
import java.util.List;
import org.junit.jupiter.api.Test;

class MixiConnectorTest {

  @Test
  void displayIsPcOrSmartphone() {
    MixiConnector mixi = new MixiConnector();
    String url =
        mixi.authorizationUrl(
            new AuthorizationRequest(
                new ProviderApp("mixi-client", null, "s", List.of()),
                "https://h/GS/GSLogin.aspx",
                "st",
                List.of(),
                "touch",
                null,
                null,
                null));
    assertTrue(url.startsWith("https://mixi.jp/connect_authorize.pl?"), url);
    assertTrue(url.contains("display=smartphone") && url.contains("scope=r_profile"), url);
  }
}
