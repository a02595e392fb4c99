package io.junction.server.paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RawPathsTest {

  @Test
  void whatTheWebContainerRefusesIsRefused() {
    for (String path :
        List.of(
            "/x%00",
            "/socialize.login%00",
            "/a%0d%0ab",
            "/a%7F",
            "/..;/admin",
            "/.;/admin",
            "/admin/..;x/sites",
            "/%2e%2e;/admin",
            "/..%3b/admin",
            "/;x/admin",
            "/%2e%2e/admin",
            "/../admin",
            "/a/../../admin",
            "/socialize.login/%2e%2e/%2e%2e/x",
            "/a/%2E%2E/..",
            "/%2e%2e",
            "/..",
            "/x%zz",
            "/x%4",
            "/x%",
            "/x%e4%zz")) {
      assertNotNull(RawPaths.refusal(path), path);
    }
  }

  @Test
  void everythingElseIsLeftToTheApplication() {
    for (String path :
        List.of(
            "/",
            "/socialize.login",
            "/socialize.getUserInfo",
            "/admin/sites",
            "/console/index.html",
            "/saml/acs",
            "/a%2fb",
            "/%ff",
            "/socialize.getUserInfo%c3",
            "/..\\admin",
            "/socialize.login/%2e%2e/x",
            "/a/./b",
            "/a/.",
            "/a/..",
            "/a//b",
            "/.well-known/openid-configuration",
            "/a;b/c",
            "/admin/;x",
            "/a;%00",
            "/a/b;jsessionid=x",
            "/%C3%A9t%C3%A9",
            "/%c0%80",
            "/WEB-INF/web.xml",
            "/x.y..z/...")) {
      assertNull(RawPaths.refusal(path), path);
    }
  }

  @Test
  void reasonsNameTheRuleNotThePath() {
    assertTrue(RawPaths.refusal("/x%00<b>").contains("control character"));
    assertTrue(RawPaths.refusal("/..;/admin").contains("dot segment with a path parameter"));
    assertTrue(RawPaths.refusal("/;x/admin").contains("empty segment"));
    assertTrue(RawPaths.refusal("/%2e%2e/admin").contains("above the root"));
    assertTrue(RawPaths.refusal("/%zz").contains("percent-encoding"));
    for (String path : List.of("/x%00<b>", "/..;/admin<script>", "/%2e%2e/<i>", "/%zz<")) {
      assertTrue(!RawPaths.refusal(path).contains("<"), path);
    }
  }

  @Test
  void decodingIsUtf8PerRunOfEscapes() {
    assertEquals("/\u00e9", RawPaths.decode("/%c3%a9"));
    assertEquals("/\ufffd", RawPaths.decode("/%ff"));
    assertEquals("/a+b", RawPaths.decode("/a+b"));
    assertThrows(IllegalArgumentException.class, () -> RawPaths.decode("/%g0"));
    assertThrows(IllegalArgumentException.class, () -> RawPaths.decode("/%\u0661\u0662"));
  }
}
