package io.junction.web.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TokenServiceTest {

  @Test
  void sessionLifetimes() {
    assertEquals(86400L, TokenService.lifetimeSeconds(null));
    assertEquals(86400L, TokenService.lifetimeSeconds(0L));
    assertEquals(60L, TokenService.lifetimeSeconds(-1L));
    assertNull(TokenService.lifetimeSeconds(-2L));
    assertEquals(30L, TokenService.lifetimeSeconds(30L));
  }
}
