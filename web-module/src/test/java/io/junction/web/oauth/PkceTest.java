package io.junction.web.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PkceTest {

  @Test
  void theChallengeIsS256OfTheVerifier() {
    // The example of RFC 7636, appendix B.
    assertEquals(
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
        Pkce.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
  }

  @Test
  void verifiersAreFreshAndOfTheAllowedAlphabetAndLength() {
    String a = Pkce.newVerifier();
    String b = Pkce.newVerifier();
    assertNotEquals(a, b);
    // 43 to 128 characters of [A-Z] [a-z] [0-9] - . _ ~
    assertTrue(a.matches("[A-Za-z0-9._~-]{43,128}"), a);
    assertEquals(43, Pkce.challenge(a).length(), "32 bytes of digest, unpadded");
  }
}
