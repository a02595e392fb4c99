package io.junction.web.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.web.security.SecretCipher;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SealedStatesTest {

  private static final Instant EXPIRY = Instant.parse("2030-01-02T03:04:05Z");
  private static final SecretCipher KEY = new SecretCipher(filled(7));
  private static final SecretCipher OTHER_KEY = new SecretCipher(filled(8));

  private static byte[] filled(int b) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) b);
    return key;
  }

  private static PendingAuthorization.Builder flow(String id) {
    return PendingAuthorization.builder()
        .stateHash(SealedStates.stateHash(id))
        .apiKey("3_key")
        .provider("oidc-mock")
        .flow(PendingAuthorization.Flow.LOGIN)
        .browserHash("b".repeat(64))
        .redirectUri("https://shop.example.com/cb")
        .responseType("code")
        .callbackUrl("https://localhost:9443/GS/GSLogin.aspx")
        .expiresAt(EXPIRY);
  }

  @Test
  void everyPartComesBackFromTheState() {
    String id = SealedStates.newId();
    PendingAuthorization p =
        flow(id)
            .flow(PendingAuthorization.Flow.CONNECT)
            .accountId("acc-1")
            .clientState("site state & more")
            .lang("ru")
            .sessionSeconds(3600L)
            .codeVerifierEncrypted("v1:enc")
            .nonce("n-1")
            .clientCodeChallenge("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
            .requestedScopes("openid profile email")
            .build();
    String state = SealedStates.seal(KEY, id, p).orElseThrow();
    assertTrue(state.startsWith("J1."), state);
    assertTrue(state.substring(3).matches("[A-Za-z0-9_-]+"), "base64url: " + state);
    PendingAuthorization back = SealedStates.open(KEY, state).orElseThrow();
    assertEquals(p.stateHash(), back.stateHash());
    assertEquals("3_key", back.apiKey());
    assertEquals("oidc-mock", back.provider());
    assertEquals(PendingAuthorization.Flow.CONNECT, back.flow());
    assertEquals("acc-1", back.accountId());
    assertEquals("b".repeat(64), back.browserHash());
    assertEquals("https://shop.example.com/cb", back.redirectUri());
    assertEquals("code", back.responseType());
    assertEquals("site state & more", back.clientState());
    assertEquals("ru", back.lang());
    assertEquals(3600L, back.sessionSeconds());
    assertEquals("https://localhost:9443/GS/GSLogin.aspx", back.callbackUrl());
    assertEquals("v1:enc", back.codeVerifierEncrypted());
    assertEquals(EXPIRY, back.expiresAt());
    assertEquals("n-1", back.nonce());
    assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", back.clientCodeChallenge());
    assertEquals("openid profile email", back.requestedScopes());
  }

  @Test
  void theOptionalPartsStayEmpty() {
    String id = SealedStates.newId();
    PendingAuthorization back =
        SealedStates.open(KEY, SealedStates.seal(KEY, id, flow(id).build()).orElseThrow())
            .orElseThrow();
    assertNull(back.accountId());
    assertNull(back.clientState());
    assertNull(back.lang());
    assertNull(back.sessionSeconds());
    assertNull(back.codeVerifierEncrypted());
    assertNull(back.nonce());
    assertNull(back.clientCodeChallenge());
    assertNull(back.requestedScopes());
  }

  @Test
  void twoFlowsOfOneBrowserHaveTheirOwnStatesAndHashes() {
    String a = SealedStates.newId();
    String b = SealedStates.newId();
    assertNotEquals(SealedStates.stateHash(a), SealedStates.stateHash(b));
    String sa = SealedStates.seal(KEY, a, flow(a).build()).orElseThrow();
    String sb = SealedStates.seal(KEY, b, flow(b).build()).orElseThrow();
    assertNotEquals(sa, sb);
    assertEquals(SealedStates.stateHash(b), SealedStates.open(KEY, sb).orElseThrow().stateHash());
  }

  @Test
  void anAlteredStateOrAnotherKeysStateDoesNotOpen() {
    String id = SealedStates.newId();
    String state = SealedStates.seal(KEY, id, flow(id).build()).orElseThrow();
    assertTrue(SealedStates.open(OTHER_KEY, state).isEmpty(), "another server key");
    char[] c = state.toCharArray();
    int i = state.length() / 2;
    c[i] = c[i] == 'A' ? 'B' : 'A';
    assertTrue(SealedStates.open(KEY, new String(c)).isEmpty(), "one character changed");
    assertTrue(SealedStates.open(KEY, state.substring(0, state.length() - 2)).isEmpty(), "cut");
    assertTrue(SealedStates.open(KEY, "J1.not*base64").isEmpty());
    assertTrue(SealedStates.open(KEY, "J1.").isEmpty());
    assertTrue(SealedStates.open(KEY, "somestoredstate").isEmpty());
  }

  @Test
  void aStoredFlowsRandomStateIsNeverTakenForASealedOne() {
    for (int i = 0; i < 200; i++) {
      assertFalse(SealedStates.isSealed(io.junction.web.security.Randoms.urlSafe(32)));
    }
    assertFalse(SealedStates.isSealed(null));
  }

  @Test
  void aFlowTooLongToCarryIsLeftToBeStored() {
    String id = SealedStates.newId();
    PendingAuthorization big =
        flow(id)
            .clientState("s".repeat(1024))
            .redirectUri("https://shop.example.com/" + "p".repeat(400))
            .build();
    assertTrue(SealedStates.seal(KEY, id, big).isEmpty());
    String ok = SealedStates.seal(KEY, id, flow(id).clientState("s".repeat(300)).build()).get();
    assertTrue(ok.length() <= SealedStates.MAX_LENGTH, ok.length() + " characters");
  }

  @Test
  void theStateHashMustBeTheIdsOwn() {
    PendingAuthorization p = flow(SealedStates.newId()).build();
    assertThrows(
        IllegalArgumentException.class, () -> SealedStates.seal(KEY, SealedStates.newId(), p));
  }
}
