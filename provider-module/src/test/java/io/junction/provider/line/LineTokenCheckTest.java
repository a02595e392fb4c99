package io.junction.provider.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderException;
import io.junction.api.ProviderTokens;
import io.junction.provider.support.ProviderHttp;
import io.junction.provider.support.ScriptedHttp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A LINE access token a site hands over must be its own channel's, as LINE's verify says. */
class LineTokenCheckTest {

  private static final ProviderApp APP = new ProviderApp("1440057261", null, "s", List.of());
  private static final ProviderTokens TOKEN = new ProviderTokens("l-token", null, null, Map.of());

  @Test
  void theChannelOfTheTokenMustBeTheSites() {
    LineConnector line = new LineConnector();
    ScriptedHttp http =
        new ScriptedHttp(
            List.of(
                new ProviderHttp.Answer(
                    200,
                    "application/json",
                    "{\"scope\":\"profile\",\"client_id\":\"1440057261\",\"expires_in\":2591659}"),
                new ProviderHttp.Answer(
                    200,
                    "application/json",
                    "{\"scope\":\"profile\",\"client_id\":\"9999\",\"expires_in\":2591659}"),
                new ProviderHttp.Answer(
                    400,
                    "application/json",
                    "{\"error\":\"invalid_request\",\"error_description\":\"access token expired\"}")));
    http.install(line);
    line.checkIssuedTo(APP, TOKEN);
    assertEquals("https://api.line.me/oauth2/v2.1/verify", http.urls().get(0));
    assertEquals("l-token", http.forms().get(0).get("access_token"));
    assertEquals(
        ErrorCode.INVALID_TOKEN,
        assertThrows(ProviderException.class, () -> line.checkIssuedTo(APP, TOKEN)).code());
    assertEquals(
        ErrorCode.INVALID_TOKEN,
        assertThrows(ProviderException.class, () -> line.checkIssuedTo(APP, TOKEN)).code());
  }
}
