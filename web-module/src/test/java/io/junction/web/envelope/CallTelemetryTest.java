package io.junction.web.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** What a call tells its trace and metrics: its flow step, its query without values. */
class CallTelemetryTest {

  @Test
  void traceQueriesKeepNamesNeverValues() {
    assertEquals(
        "oauth_token=REDACTED&secret=REDACTED&flag&x=REDACTED",
        ApiCallFilter.redactedQuery("oauth_token=jt1.abc&secret=s%2B1&&flag&x="));
    assertEquals("", ApiCallFilter.redactedQuery(""));
  }

  @Test
  void flowStepsAreTheBrowserFlowsEndpoints() {
    assertEquals("login", ApiCallFilter.flowStep("socialize.login"));
    assertEquals("login", ApiCallFilter.flowStep("Socialize.Login"));
    assertEquals("addConnection", ApiCallFilter.flowStep("socialize.addConnection"));
    assertEquals("getToken", ApiCallFilter.flowStep("socialize.getToken"));
    assertEquals("callback", ApiCallFilter.flowStep("GS/GSLogin.aspx"));
    assertEquals("confirm", ApiCallFilter.flowStep("GS/confirm"));
    assertNull(ApiCallFilter.flowStep("socialize.getUserInfo"));
    assertNull(ApiCallFilter.flowStep("admin/sites"));
  }
}
