package io.junction.web.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.ErrorCode;
import io.junction.web.envelope.GigyaException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirstLegRequestTest {

  private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

  private static FirstLegRequest request(String responseType, String challenge) {
    return new FirstLegRequest(responseType, "st", null, null, List.of(), null, null, challenge);
  }

  private static void refused(
      ErrorCode code, String named, FirstLegRequest r, boolean allowImplicit, boolean pkce) {
    GigyaException e =
        assertThrows(GigyaException.class, () -> r.checkSitePolicy(allowImplicit, pkce));
    assertEquals(code, e.code(), e.details());
    assertTrue(e.details().contains(named), e.details());
  }

  @Test
  void theDefaultPolicyAllowsEveryResponseTypeWithOrWithoutPkce() {
    request("code", null).checkSitePolicy(true, false);
    request("code", CHALLENGE).checkSitePolicy(true, false);
    request("token", null).checkSitePolicy(true, false);
  }

  @Test
  void aSiteMayTurnTheImplicitFlowOff() {
    refused(ErrorCode.INVALID_RESPONSE_TYPE, "response_type", request("token", null), false, false);
    request("code", null).checkSitePolicy(false, false);
  }

  @Test
  void aSiteMayRequirePkceWhichTheImplicitFlowCannotCarry() {
    request("code", CHALLENGE).checkSitePolicy(true, true);
    refused(
        ErrorCode.MISSING_REQUIRED_PARAMETER, "code_challenge", request("code", null), true, true);
    refused(ErrorCode.INVALID_RESPONSE_TYPE, "PKCE", request("token", null), true, true);
    refused(ErrorCode.INVALID_RESPONSE_TYPE, "PKCE", request("token", CHALLENGE), true, true);
  }

  @Test
  void aChallengeWithTheImplicitFlowIsRefusedSinceNothingWouldCheckIt() {
    refused(
        ErrorCode.INVALID_PARAMETER_VALUE,
        "code_challenge",
        request("token", CHALLENGE),
        true,
        false);
  }
}
