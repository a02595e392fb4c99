package io.junction.web.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class FlowParametersTest {

  @Test
  void sessionLifetimes() {
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
