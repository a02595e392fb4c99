package io.junction.web.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.ErrorCode;
import io.junction.web.envelope.GigyaException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientPkceTest {

  // The example of RFC 7636, appendix B.
  private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

  private static void refused(ErrorCode code, String named, Runnable r) {
    GigyaException e = assertThrows(GigyaException.class, r::run);
    assertEquals(code, e.code(), e.details());
    assertTrue(e.details().contains(named), e.details());
  }

  @Test
  void aChallengeIsS256AndOfTheUnreservedSet() {
    assertNull(ClientPkce.challenge(null, null));
    assertEquals(CHALLENGE, ClientPkce.challenge(CHALLENGE, "S256"));
    assertEquals("a".repeat(128), ClientPkce.challenge("a".repeat(128), "S256"));
    assertEquals("A-._~9".repeat(8), ClientPkce.challenge("A-._~9".repeat(8), "S256"));

    refused(
        ErrorCode.MISSING_REQUIRED_PARAMETER,
        "code_challenge_method",
        () -> ClientPkce.challenge(CHALLENGE, null));
    for (String method : List.of("plain", "s256", "S512", "S256 ")) {
      refused(
          ErrorCode.INVALID_PARAMETER_VALUE,
          "code_challenge_method",
          () -> ClientPkce.challenge(CHALLENGE, method));
    }
    refused(
        ErrorCode.MISSING_REQUIRED_PARAMETER,
        "code_challenge",
        () -> ClientPkce.challenge(null, "S256"));
    for (String bad :
        List.of(
            "a".repeat(42),
            "a".repeat(129),
            CHALLENGE.substring(1) + "=",
            CHALLENGE.substring(1) + "+",
            CHALLENGE.substring(1) + "/",
            CHALLENGE.substring(1) + " ",
            CHALLENGE.substring(1) + "\u00e9")) {
      refused(
          ErrorCode.INVALID_PARAMETER_VALUE,
          "code_challenge",
          () -> ClientPkce.challenge(bad, "S256"));
    }
  }

  @Test
  void theRightVerifierRedeemsAChallengedCode() {
    ClientPkce.verify(CHALLENGE, VERIFIER);
    String verifier = Pkce.newVerifier();
    ClientPkce.verify(Pkce.challenge(verifier), verifier);
  }

  @Test
  void aMissingMalformedOrWrongVerifierIsRefused() {
    refused(
        ErrorCode.MISSING_REQUIRED_PARAMETER,
        "code_verifier",
        () -> ClientPkce.verify(CHALLENGE, null));
    refused(
        ErrorCode.INVALID_PARAMETER_VALUE,
        "code_verifier",
        () -> ClientPkce.verify(CHALLENGE, "short"));
    refused(
        ErrorCode.INVALID_PARAMETER_VALUE,
        "code_verifier",
        () -> ClientPkce.verify(CHALLENGE, VERIFIER + "+"));
    refused(
        ErrorCode.INVALID_GRANT,
        "code_verifier",
        () -> ClientPkce.verify(CHALLENGE, Pkce.newVerifier()));
    // The challenge itself is no verifier.
    refused(
        ErrorCode.INVALID_GRANT, "code_verifier", () -> ClientPkce.verify(CHALLENGE, CHALLENGE));
  }

  @Test
  void aCodeWithoutChallengeTakesNoVerifier() {
    ClientPkce.verify(null, null);
    refused(ErrorCode.INVALID_GRANT, "code_verifier", () -> ClientPkce.verify(null, VERIFIER));
  }
}
