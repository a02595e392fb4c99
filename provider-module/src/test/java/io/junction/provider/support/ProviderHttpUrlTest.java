package io.junction.provider.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderHttpUrlTest {

  /**
   * An endpoint that is no http(s) URL (as an OpenID Connect discovery document may name one) is a
   * provider that cannot be reached, not the IllegalArgumentException of building a client for it;
   * the message never shows the URL, whose query may hold a token.
   */
  @Test
  void anEndpointThatIsNoHttpUrlIsAProviderThatCannotBeReached() {
    ProviderHttp http = new ProviderHttp();
    for (String url :
        new String[] {"not a url", "token", "ftp://issuer.example/token", "https:///token", ""}) {
      ProviderException get =
          assertThrows(
              ProviderException.class,
              () -> http.get("oidc", url, Map.of("access_token", "secret-token"), null),
              url);
      assertEquals(ErrorCode.NETWORK_ERROR, get.code(), url);
      assertFalse(get.getMessage().contains("secret-token"), get.getMessage());
      ProviderException post =
          assertThrows(
              ProviderException.class, () -> http.postForm("oidc", url, Map.of("a", "b")), url);
      assertEquals(ErrorCode.NETWORK_ERROR, post.code(), url);
    }
  }
}
