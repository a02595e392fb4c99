package io.junction.web.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.junction.web.envelope.GigyaException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowParametersTest {

  @Test
  void extraPermissions() {
    assertEquals(
        List.of("GET_EMAIL", "VALUABLE_ACCESS"),
        AuthorizationFlows.extraPermissions(" GET_EMAIL, ,VALUABLE_ACCESS "));
    assertEquals(List.of(), AuthorizationFlows.extraPermissions(null));
    assertThrows(GigyaException.class, () -> AuthorizationFlows.extraPermissions("a b"));
    assertThrows(GigyaException.class, () -> AuthorizationFlows.extraPermissions("x\"><script>"));
  }

  @Test
  void sessionExpirations() {
    assertNull(AuthorizationFlows.sessionSeconds(null, "p"));
    assertEquals(-2L, AuthorizationFlows.sessionSeconds("-2", "p"));
    assertEquals(3600L, AuthorizationFlows.sessionSeconds("3600", "p"));
    assertThrows(GigyaException.class, () -> AuthorizationFlows.sessionSeconds("-3", "p"));
    assertThrows(GigyaException.class, () -> AuthorizationFlows.sessionSeconds("1h", "p"));
    assertEquals(86400L, TokenService.lifetimeSeconds(null));
    assertEquals(86400L, TokenService.lifetimeSeconds(0L));
    assertEquals(60L, TokenService.lifetimeSeconds(-1L));
    assertNull(TokenService.lifetimeSeconds(-2L));
    assertEquals(30L, TokenService.lifetimeSeconds(30L));
  }

  @Test
  void pkceChallengeIsRfc7636S256() {
    // RFC 7636, appendix B
    assertEquals(
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
        AuthorizationFlows.pkceChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
  }
}
