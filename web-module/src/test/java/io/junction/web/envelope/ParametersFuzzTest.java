package io.junction.web.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.junction.api.ErrorCode;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The shared parameter rules, on any text: each either accepts and returns a value that keeps the
 * rule, or refuses with 400006 naming the parameter; nothing else escapes.
 */
class ParametersFuzzTest {

  private static ApiCall call(String name, String value) {
    ApiCall call = new ApiCall();
    MultivaluedHashMap<String, String> params = new MultivaluedHashMap<>();
    params.add(name, value);
    call.params(params);
    return call;
  }

  private static void assertRefusal(GigyaException e, String name) {
    assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, e.code(), e.getMessage());
    assertEquals(400, e.httpStatus());
    assertTrue(e.details().contains(name), e.details());
  }

  @FuzzTest
  void sessionSeconds(byte[] input) {
    String raw = new String(input, StandardCharsets.UTF_8);
    Long seconds;
    try {
      seconds = Parameters.sessionSeconds(call("x_sessionExpiration", raw), "x_sessionExpiration");
    } catch (GigyaException e) {
      assertRefusal(e, "x_sessionExpiration");
      return;
    }
    if (raw.trim().isEmpty()) {
      assertNull(seconds);
      return;
    }
    assertEquals(Long.parseLong(raw.trim()), seconds);
    assertTrue(seconds >= -2 && seconds <= Parameters.MAX_SESSION_SECONDS, raw);
  }

  @FuzzTest
  void permissionList(byte[] input) {
    String raw = new String(input, StandardCharsets.UTF_8);
    List<String> permissions;
    try {
      permissions =
          Parameters.permissionList(call("x_extraPermissions", raw), "x_extraPermissions");
    } catch (GigyaException e) {
      assertRefusal(e, "x_extraPermissions");
      return;
    }
    assertTrue(permissions.size() <= 50, raw);
    for (String p : permissions) {
      assertTrue(p.matches("[A-Za-z0-9_.:/+-]{1,100}"), p);
      assertTrue(Parameters.isPermissionName(p), p);
    }
    // Nothing but the commas and the white space and control characters around names is dropped.
    assertEquals(raw.replaceAll("[,\\x00-\\x20]", ""), String.join("", permissions), raw);
  }

  @FuzzTest
  void siteUid(byte[] input) {
    String raw = new String(input, StandardCharsets.UTF_8);
    String uid;
    try {
      uid = Parameters.siteUid(call("siteUID", raw), "siteUID");
    } catch (GigyaException e) {
      assertRefusal(e, "siteUID");
      return;
    }
    if (uid == null) {
      assertTrue(raw.trim().isEmpty(), raw);
      return;
    }
    assertEquals(raw.trim(), uid);
    assertFalse(uid.isEmpty());
    assertTrue(uid.length() <= 252, uid);
    assertTrue(uid.chars().allMatch(c -> c > 0x20 && c < 0x7f), uid);
  }
}
