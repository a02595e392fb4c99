package io.junction.web.caller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MethodAccessTest {

  @Test
  void everyServerMethodHasItsRule() {
    assertEquals(MethodAccess.USER, MethodAccess.of("socialize.getUserInfo"));
    assertEquals(MethodAccess.USER, MethodAccess.of("socialize.getSessionInfo"));
    assertEquals(MethodAccess.SERVER, MethodAccess.of("socialize.notifyLogin"));
    assertEquals(MethodAccess.SERVER_ABOUT_USER, MethodAccess.of("socialize.deleteAccount"));
    assertEquals(MethodAccess.SERVER_ABOUT_USER, MethodAccess.of("socialize.setUID"));
    for (String m :
        List.of(
            "fidm.saml.registerIdP",
            "fidm.saml.getRegisteredIdPs",
            "fidm.saml.importIdPMetadata",
            "fidm.saml.delIdP",
            "fidm.saml.getConfig")) {
      assertEquals(MethodAccess.SITE, MethodAccess.of(m), m);
    }
  }

  @Test
  void aMethodWithoutARuleIsAProgrammingError() {
    assertThrows(IllegalArgumentException.class, () -> MethodAccess.of("socialize.login"));
  }
}
