package io.junction.web.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.junction.api.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParametersTest {

  @Test
  void permissionLists() {
    assertEquals(
        List.of("GET_EMAIL", "VALUABLE_ACCESS"),
        Parameters.permissionList(" GET_EMAIL, ,VALUABLE_ACCESS ", "x_extraPermissions"));
    assertEquals(List.of(), Parameters.permissionList((String) null, "x_extraPermissions"));
    assertThrows(
        GigyaException.class, () -> Parameters.permissionList("a b", "x_extraPermissions"));
    assertThrows(
        GigyaException.class,
        () -> Parameters.permissionList("x\"><script>", "x_extraPermissions"));
    assertThrows(
        GigyaException.class,
        () -> Parameters.permissionList("a,".repeat(51), "x_extraPermissions"));
  }

  @Test
  void sessionExpirations() {
    assertNull(Parameters.sessionSeconds((String) null, "p"));
    assertEquals(-2L, Parameters.sessionSeconds("-2", "p"));
    assertEquals(3600L, Parameters.sessionSeconds("3600", "p"));
    assertThrows(GigyaException.class, () -> Parameters.sessionSeconds("-3", "p"));
    assertThrows(GigyaException.class, () -> Parameters.sessionSeconds("1h", "p"));
  }

  @Test
  void aSessionBeyondAnyInstantIsAnInvalidParameterNotAServerError() {
    GigyaException e =
        assertThrows(GigyaException.class, () -> Parameters.sessionSeconds("99999999999999", "p"));
    assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, e.code());
    assertThrows(
        GigyaException.class, () -> Parameters.sessionSeconds("99999999999999999999", "p"));
  }
}
