package io.junction.web.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderException;
import io.junction.web.envelope.ApiCall;
import io.junction.web.envelope.GigyaException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorRedirectsTest {

  private static Map<String, String> fields(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  @Test
  void aCodeFlowGetsTheRefusalInTheQueryWithTheSiteState() {
    ApiCall call = new ApiCall();
    BrowserRedirect r =
        ErrorRedirects.to(
            call,
            "https://shop.example.com/cb",
            "code",
            "site state",
            GigyaException.invalid("x_displayMode", "must be popup, page or touch"));
    assertTrue(r.cookies().isEmpty());
    URI u = URI.create(r.location());
    assertEquals("/cb", u.getPath());
    assertNull(u.getRawFragment());
    Map<String, String> f = fields(u.getRawQuery());
    assertEquals("400006", f.get("errorCode"));
    assertEquals("400", f.get("statusCode"));
    assertTrue(f.get("errorDetails").contains("x_displayMode"), f.toString());
    assertEquals(call.callId(), f.get("callId"));
    assertEquals("site state", f.get("state"));
    assertFalse(f.get("errorMessage").isEmpty());
  }

  @Test
  void aTokenFlowGetsItInTheFragmentAndAProviderFailureKeepsItsCode() {
    ApiCall call = new ApiCall();
    BrowserRedirect r =
        ErrorRedirects.to(
            call,
            "https://shop.example.com/cb",
            "token",
            "st",
            new ProviderException(
                "oidc", ErrorCode.PROVIDER_ERROR, "discovery at https://idp failed: HTTP 500"));
    URI u = URI.create(r.location());
    assertNull(u.getRawQuery());
    Map<String, String> f = fields(u.getRawFragment());
    assertEquals("500023", f.get("errorCode"));
    assertEquals("discovery at https://idp failed: HTTP 500", f.get("errorDetails"));
    assertEquals("st", f.get("state"));
  }
}
