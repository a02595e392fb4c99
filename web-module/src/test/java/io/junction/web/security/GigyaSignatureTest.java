package io.junction.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The official Java SDK's signature, byte for byte, from a request it sent. */
class GigyaSignatureTest {

  @Test
  void reproducesTheJavaSdksBaseStringAndSig() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("UID", "u1");
    params.put("apiKey", "3_apikey");
    params.put("format", "json");
    params.put("httpStatusCodes", "false");
    params.put("nonce", "1795310601579_-976006127");
    params.put("sdk", "java_3.2.4");
    params.put("timestamp", "1795310601");
    String url = GigyaSignature.normalizedUrl("http", "localhost", 9080, "/socialize.getUserInfo");
    assertEquals("http://localhost:9080/socialize.getUserInfo", url);
    String base = GigyaSignature.baseString("POST", url, params);
    assertEquals(
        "POST&http%3A%2F%2Flocalhost%3A9080%2Fsocialize.getUserInfo&UID%3Du1%26apiKey%3D3_apikey"
            + "%26format%3Djson%26httpStatusCodes%3Dfalse%26nonce%3D1795310601579_-976006127"
            + "%26sdk%3Djava_3.2.4%26timestamp%3D1795310601",
        base);
    assertEquals("HUR6MeW02OXIw6O3agSkjF7ALYg=", GigyaSignature.hmac("c2VjcmV0c2VjcmV0", base));
  }

  @Test
  void defaultPortsAreLeftOutAndRfc3986EncodingIsUsed() {
    assertEquals(
        "https://socialize.us1.gigya.com/socialize.x",
        GigyaSignature.normalizedUrl("HTTPS", "Socialize.US1.gigya.com", 443, "/socialize.x"));
    assertEquals("https://h:4433/p", GigyaSignature.normalizedUrl("https", "h", 4433, "/p"));
    assertEquals("a%20b%2A~%2B%2F", GigyaSignature.encode("a b*~+/"));
  }

  @Test
  void uidSignature() {
    // Base64(HMAC-SHA1(Base64Decode("c2VjcmV0c2VjcmV0"), "1795310601_u1")), computed outside Java
    assertEquals(
        "KP1hj3X3+uNuu8HKV484baLit7Y=",
        GigyaSignature.uidSignature("c2VjcmV0c2VjcmV0", 1795310601L, "u1"));
  }
}
