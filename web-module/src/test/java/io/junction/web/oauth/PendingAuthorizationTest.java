package io.junction.web.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PendingAuthorizationTest {

  private static final Instant EXPIRY = Instant.parse("2030-01-02T03:04:05Z");

  private static PendingAuthorization.Builder required() {
    return PendingAuthorization.builder()
        .stateHash("s".repeat(64))
        .apiKey("3_key")
        .provider("odnoklassniki")
        .flow(PendingAuthorization.Flow.CONNECT)
        .browserHash("b".repeat(64))
        .redirectUri("https://shop.example.com/cb")
        .responseType("code")
        .callbackUrl("https://localhost:9443/GS/GSLogin.aspx")
        .expiresAt(EXPIRY);
  }

  @Test
  void everyPartLandsWhereItsNameSays() {
    PendingAuthorization p =
        required()
            .accountId("acc-1")
            .clientState("site-state")
            .lang("ru")
            .sessionSeconds(3600L)
            .codeVerifierEncrypted("enc-verifier")
            .nonce("n-1")
            .clientCodeChallenge("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
            .build();
    assertEquals("s".repeat(64), p.stateHash());
    assertEquals("3_key", p.apiKey());
    assertEquals("odnoklassniki", p.provider());
    assertEquals(PendingAuthorization.Flow.CONNECT, p.flow());
    assertEquals("acc-1", p.accountId());
    assertEquals("b".repeat(64), p.browserHash());
    assertEquals("https://shop.example.com/cb", p.redirectUri());
    assertEquals("code", p.responseType());
    assertEquals("site-state", p.clientState());
    assertEquals("ru", p.lang());
    assertEquals(3600L, p.sessionSeconds());
    assertEquals("https://localhost:9443/GS/GSLogin.aspx", p.callbackUrl());
    assertEquals("enc-verifier", p.codeVerifierEncrypted());
    assertEquals(EXPIRY, p.expiresAt());
    assertEquals("n-1", p.nonce());
    assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", p.clientCodeChallenge());
  }

  @Test
  void theOptionalPartsMayStayEmpty() {
    PendingAuthorization p = required().build();
    assertNull(p.accountId());
    assertNull(p.clientState());
    assertNull(p.lang());
    assertNull(p.sessionSeconds());
    assertNull(p.codeVerifierEncrypted());
    assertNull(p.nonce());
    assertNull(p.clientCodeChallenge());
  }

  @Test
  void aMissingRequiredPartIsNamed() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> required().browserHash(null).build());
    assertTrue(e.getMessage().contains("browserHash"), e.getMessage());
    e = assertThrows(IllegalStateException.class, () -> required().expiresAt(null).build());
    assertTrue(e.getMessage().contains("expiresAt"), e.getMessage());
    e = assertThrows(IllegalStateException.class, () -> required().flow(null).build());
    assertTrue(e.getMessage().contains("flow"), e.getMessage());
  }
}
