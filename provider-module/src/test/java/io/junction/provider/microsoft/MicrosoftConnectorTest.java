package io.junction.provider.microsoft;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

class MicrosoftConnectorTest {

  @Test
  void microsoftsIssuerNamesTheUsersTenant() {
    MicrosoftConnector ms = new MicrosoftConnector();
    var claims =
        Json.createObjectBuilder().add("tid", "9188040d-6c67-4c5b-b112-36a304b66dad").build();
    assertTrue(
        ms.issuerMatches(
            null,
            "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0",
            claims));
    assertFalse(
        ms.issuerMatches(
            null,
            "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0",
            claims));
    assertFalse(
        ms.issuerMatches(
            null, "https://evil.example/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0", claims));
  }

  @Test
  void anAuthorizationResponseNamesOneTenantInTheIssuersPlace() {
    MicrosoftConnector ms = new MicrosoftConnector();
    assertTrue(
        ms.authorizationIssuerMatches(
            null, "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0"));
    assertFalse(
        ms.authorizationIssuerMatches(null, "https://login.microsoftonline.com/a/b/v2.0"),
        "one tenant, not a path");
    assertFalse(ms.authorizationIssuerMatches(null, "https://login.microsoftonline.com//v2.0"));
    assertFalse(
        ms.authorizationIssuerMatches(
            null, "https://evil.example/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0"));
    assertFalse(ms.authorizationIssuerMatches(null, "https://accounts.google.com"));
  }
}
