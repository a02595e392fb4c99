package io.junction.it;

import static io.junction.it.Junction.HTTP;
import static io.junction.it.Junction.admin;
import static io.junction.it.Junction.get;
import static io.junction.it.Junction.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * What a fuzzer throws at a running server: compressed and malformed bodies, deep JSON, characters
 * XML cannot carry, public suffixes as site domains, paths and headers the container itself
 * refuses. Every answer is a Gigya envelope with a real error code, never a 500 or a page that
 * names the server.
 */
class HostileInputIT {

  private static byte[] gzip(String s) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(s.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  private static HttpResponse<String> post(String url, String type, String encoding, byte[] body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (encoding != null) {
      b.header("Content-Encoding", encoding);
    }
    if (url.contains("/admin/")) {
      b.header("Authorization", Junction.adminAuth());
    }
    return Junction.send(b);
  }

  private static void assertEnvelope(HttpResponse<String> r, int status, int errorCode) {
    assertEquals(status, r.statusCode(), r.body());
    JsonObject body = json(r);
    assertEquals(errorCode, body.getInt("errorCode"), r.body());
    assertEquals(errorCode / 1000, body.getInt("statusCode"), r.body());
    assertTrue(body.getString("callId").matches("[0-9a-f]{32}"), r.body());
  }

  private static Document parseXml(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    var builder = f.newDocumentBuilder();
    builder.setErrorHandler(null);
    return builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static String xmlText(Document d, String name) {
    var nodes = d.getDocumentElement().getElementsByTagNameNS("*", name);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
  }

  // --- Content-Encoding ---------------------------------------------------------------------

  @Test
  void aCompressedFormOrAdminBodyIsRefusedInTheEnvelope() throws Exception {
    String form = "apiKey=x&UID=y";
    for (byte[] body : List.of(gzip(form), form.getBytes(StandardCharsets.UTF_8))) {
      // A real gzip body, and a body that only claims to be one (which once failed with 500001).
      assertEnvelope(
          post(
              HTTP + "/socialize.getUserInfo?httpStatusCodes=true",
              "application/x-www-form-urlencoded",
              "gzip",
              body),
          415,
          400001);
      assertEnvelope(
          post(HTTP + "/socialize.getUserInfo", "application/x-www-form-urlencoded", "gzip", body),
          200,
          400001);
    }
    String site = "{\"name\":\"gz\",\"domains\":[\"shop.example.com\"]}";
    for (byte[] body : List.of(gzip(site), site.getBytes(StandardCharsets.UTF_8))) {
      assertEnvelope(post(HTTP + "/admin/sites", "application/json", "gzip", body), 415, 400001);
    }
    assertTrue(
        json(post(
                HTTP + "/socialize.getUserInfo",
                "application/x-www-form-urlencoded",
                "deflate",
                form.getBytes(StandardCharsets.UTF_8)))
            .getString("errorDetails")
            .contains("Content-Encoding"));
    // identity is no encoding at all
    assertEnvelope(
        post(
            HTTP + "/socialize.getUserInfo?httpStatusCodes=true",
            "application/x-www-form-urlencoded",
            "identity",
            form.getBytes(StandardCharsets.UTF_8)),
        400,
        400093);
  }

  // --- admin JSON bodies ---------------------------------------------------------------------

  @Test
  void deeplyNestedAdminJsonIs400004() {
    String deep = "{\"name\":" + "[".repeat(3000) + "]".repeat(3000) + "}";
    HttpResponse<String> r = admin("POST", "/admin/sites", deep);
    assertEnvelope(r, 400, 400004);
    assertTrue(json(r).getString("errorDetails").contains("nested"), r.body());
    assertEnvelope(admin("POST", "/admin/sites", "[".repeat(3000)), 400, 400004);
  }

  @Test
  void invalidUtf8OrLoneSurrogatesInAdminJsonAre400004() {
    String name = "utf " + UUID.randomUUID();
    byte[] invalid =
        ("{\"name\":\"" + name + " \u00ff\",\"domains\":[\"shop.example.com\"]}")
            .getBytes(StandardCharsets.ISO_8859_1); // 0xFF alone is not UTF-8
    HttpResponse<String> r =
        post(Junction.HTTPS + "/admin/sites", "application/json", null, invalid);
    assertEnvelope(r, 400, 400004);
    assertTrue(json(r).getString("errorDetails").contains("UTF-8"), r.body());
    for (String surrogate : List.of("\\ud800", "x\\udfff", "\\ud83d\\u0041")) {
      HttpResponse<String> s =
          admin(
              "POST",
              "/admin/sites",
              "{\"name\":\"" + surrogate + "\",\"domains\":[\"shop.example.com\"]}");
      assertEnvelope(s, 400, 400004);
      assertTrue(json(s).getString("errorDetails").contains("surrogate"), s.body());
    }
    // Nothing was created by the refused bodies.
    assertFalse(admin("GET", "/admin/sites", null).body().contains(name));
    // A real pair is fine.
    assertEquals(
        201,
        admin(
                "POST",
                "/admin/sites",
                "{\"name\":\"pair \\ud83d\\ude00\",\"domains\":[\"shop.example.com\"]}")
            .statusCode());
  }

  // --- XML ------------------------------------------------------------------------------------

  @Test
  void aContextXmlCannotCarryIs400006InWellFormedXml() throws Exception {
    for (String context : List.of("%01", "a%00b", "%EF%BF%BF", "%EF%BF%BE", "x%1Fy")) {
      HttpResponse<String> r = get(HTTP + "/socialize.getUserInfo?format=xml&context=" + context);
      Document d = parseXml(r.body());
      assertEquals("400006", xmlText(d, "errorCode"), r.body());
      assertTrue(xmlText(d, "errorDetails").contains("context"), r.body());
      assertNull(xmlText(d, "context"), "a refused context is not echoed: " + r.body());
    }
    // Any other parameter alike, in JSON too.
    JsonObject j = json(get(HTTP + "/socialize.getUserInfo?UID=a%02b&context=ok"));
    assertEquals(400006, j.getInt("errorCode"), j.toString());
    assertEquals("ok", j.getString("context"));
  }

  @Test
  void whatXmlCanCarryIsEchoedExactly() throws Exception {
    HttpResponse<String> r =
        get(HTTP + "/socialize.getUserInfo?format=xml&context=" + "a%0D%0Ab%09%3C%26%F0%9F%98%80");
    Document d = parseXml(r.body());
    assertEquals("a\r\nb\t<&\uD83D\uDE00", xmlText(d, "context"), r.body());
    assertEquals("400002", xmlText(d, "errorCode"));
  }

  // --- public suffixes ------------------------------------------------------------------------

  @Test
  void aPublicSuffixIsNoSiteDomainNorCname() {
    for (String suffix : List.of("com", "co.uk", "com.au", "co.jp", "com.br", "github.io")) {
      HttpResponse<String> r =
          admin("POST", "/admin/sites", "{\"name\":\"ps\",\"domains\":[\"" + suffix + "\"]}");
      assertEnvelope(r, 400, 400006);
      assertTrue(json(r).getString("errorDetails").contains("domains"), r.body());
    }
    HttpResponse<String> cname =
        admin(
            "POST",
            "/admin/sites",
            "{\"name\":\"ps\",\"domains\":[\"shop.example.com\"],\"cname\":\"COM.\"}");
    assertEnvelope(cname, 400, 400006);
    assertTrue(json(cname).getString("errorDetails").contains("cname"), cname.body());

    HttpResponse<String> created =
        admin("POST", "/admin/sites", "{\"name\":\"ps\",\"domains\":[\"shop.example.co.uk\"]}");
    assertEquals(201, created.statusCode(), created.body());
    String apiKey = json(created).getString("apiKey");
    assertEnvelope(
        admin("PUT", "/admin/sites/" + apiKey, "{\"name\":\"ps\",\"domains\":[\"co.uk\"]}"),
        400,
        400006);
    assertEquals(
        "[\"shop.example.co.uk\"]",
        json(admin("GET", "/admin/sites/" + apiKey, null)).getJsonArray("domains").toString());
  }

  // --- what the container refuses -------------------------------------------------------------

  private static void assertNamesNoServer(RawHttp.Answer r) {
    assertNull(r.header("Server"), r.headers().toString());
    assertNull(r.header("X-Powered-By"), r.headers().toString());
    assertNull(r.header("$WSEP"), r.headers().toString());
    // While tracing is on (as on the test server, for TelemetryIT), Liberty's telemetry filter adds
    // its access-log correlation header to every answer, after the application's filters: the
    // README's security section says so. Everything else must name no server.
    Map<String, String> headers = new HashMap<>(r.headers());
    headers.remove("io.openliberty.trace");
    String all = (headers + r.body()).toLowerCase(Locale.ROOT);
    for (String name : List.of("liberty", "websphere", "ibm", "srve", "exception", "at com.")) {
      assertFalse(all.contains(name), name + " in " + r.headers() + " " + r.body());
    }
  }

  @Test
  void oddPathsTheApplicationSeesAreAnsweredInTheEnvelope() {
    for (String path :
        List.of(
            "/a%2fb",
            "/admin%2Fsites",
            "/%ff",
            "/socialize.getUserInfo%c3",
            "/..\\admin",
            "/socialize.login/%2e%2e/x",
            "/WEB-INF/web.xml",
            "/META-INF/MANIFEST.MF",
            "/junction-error")) {
      RawHttp.Answer r = RawHttp.send("GET " + path + " HTTP/1.1");
      assertNamesNoServer(r);
      assertTrue(r.status() == 400 || r.status() == 404, path + " -> " + r.status());
      JsonObject body = r.json();
      assertEquals(r.status(), body.getInt("statusCode"), path + " -> " + r.body());
      assertTrue(
          body.getInt("errorCode") == 400001 || body.getInt("errorCode") == 404000, r.body());
      assertEquals(body.getString("callId"), r.header("X-Call-Id"), path);
    }
  }

  @Test
  void bigHeadersAndLongUrlsAreAnsweredInTheEnvelope() {
    RawHttp.Answer big =
        RawHttp.send("GET /socialize.getUserInfo HTTP/1.1\r\nX-Big: " + "a".repeat(100_000));
    assertNamesNoServer(big);
    assertEquals(400, big.status(), big.body());
    JsonObject body = big.json();
    assertEquals(400001, body.getInt("errorCode"), big.body());
    assertEquals(400, body.getInt("statusCode"), big.body());
    assertTrue(body.getString("errorDetails").contains("headers"), big.body());
    assertEquals(body.getString("callId"), big.header("X-Call-Id"));

    StringBuilder many = new StringBuilder("GET /socialize.getUserInfo HTTP/1.1");
    for (int i = 0; i < 3; i++) {
      many.append("\r\nX-Part-").append(i).append(": ").append("b".repeat(30_000));
    }
    RawHttp.Answer total = RawHttp.send(many.toString());
    assertEquals(400, total.status(), total.body());
    assertEquals(400001, total.json().getInt("errorCode"));
    assertTrue(total.json().getString("errorDetails").contains("headers"), total.body());

    RawHttp.Answer longUrl =
        RawHttp.send("GET /socialize.getUserInfo?x=" + "c".repeat(40_000) + " HTTP/1.1");
    assertNamesNoServer(longUrl);
    assertEquals(414, longUrl.status(), longUrl.body());
    assertEquals(400001, longUrl.json().getInt("errorCode"), longUrl.body());
    assertEquals(longUrl.json().getString("callId"), longUrl.header("X-Call-Id"));

    // Within the limits a header of some size is served as usual.
    RawHttp.Answer fine =
        RawHttp.send("GET /socialize.noSuchMethod HTTP/1.1\r\nX-Fine: " + "d".repeat(20_000));
    assertEquals(405001, fine.json().getInt("errorCode"), fine.body());
  }

  @Test
  void pathsTheWebContainerRefusesAreAnsweredInTheEnvelope() {
    // The servlet container refuses these before any application runs (it canonicalises the path
    // as Servlet 6.0 asks, and refuses an encoded NUL or control character, a dot segment with a
    // path parameter, an empty segment with one, a dot segment above the root, an invalid escape):
    // the server's junction-paths-1.0 feature answers them first, in the envelope.
    for (String path :
        List.of(
            "/x%00",
            "/..;/admin",
            "/%2e%2e/admin",
            "/socialize.login%00",
            "/socialize.login/%2e%2e/%2e%2e/x",
            "/admin/..;/sites",
            "/..%3b/admin/sites",
            "/;x/admin",
            "/.;/console/",
            "/socialize.getUserInfo%0d%0aSet-Cookie:%20x=1",
            "/x%zz",
            "/x%",
            "/x%00<script>alert(1)</script>",
            "/%2e%2e?apiKey=x&format=xml")) {
      for (String method : List.of("GET", "POST")) {
        RawHttp.Answer r =
            "GET".equals(method)
                ? RawHttp.send("GET " + path + " HTTP/1.1")
                : RawHttp.send(
                    null,
                    "POST " + path + " HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded",
                    "apiKey=x&UID=y".getBytes(StandardCharsets.UTF_8));
        String what =
            method + " " + path + " -> " + r.status() + " " + r.headers() + " " + r.body();
        assertEquals(400, r.status(), what);
        assertNamesNoServer(r);
        assertFalse(r.body().toLowerCase(Locale.ROOT).contains("cwwwc"), what);
        assertTrue(r.header("Content-Type").startsWith("application/json"), what);
        JsonObject body = r.json();
        assertEquals(400001, body.getInt("errorCode"), what);
        assertEquals(400, body.getInt("statusCode"), what);
        assertEquals("Bad Request", body.getString("statusReason"), what);
        assertEquals("Invalid request format", body.getString("errorMessage"), what);
        assertTrue(body.getString("errorDetails").startsWith("The request path "), what);
        assertTrue(body.getString("callId").matches("[0-9a-f]{32}"), what);
        assertEquals(body.getString("callId"), r.header("X-Call-Id"), what);
        assertTrue(body.getString("time").matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), what);
        // Nothing of the path comes back, so nothing it carries can be markup or a header.
        assertFalse(
            r.body().contains("<") || r.body().contains("%") || r.body().contains(";"), what);
        assertNull(r.header("Set-Cookie"), what);
      }
    }
  }

  @Test
  void theFeatureThatAnswersThemServesNothingElse() {
    // Close relatives of the refused paths, which the web container accepts, still reach Junction
    // (its own answers, not the feature's), and so does the context root the feature registers
    // under; a refused path under that root is refused like any other.
    for (String path :
        List.of(
            "/junction-paths-1.0",
            "/junction-paths-1.0/",
            "/socialize.login/%2e%2e/socialize.noSuchMethod",
            "/socialize.noSuchMethod;x=1",
            "/admin/..",
            "/a%2fb",
            "/..\\admin")) {
      RawHttp.Answer r = RawHttp.send("GET " + path + " HTTP/1.1");
      String what = path + " -> " + r.status() + " " + r.body();
      JsonObject body = r.json();
      assertEquals(body.getString("callId"), r.header("X-Call-Id"), what);
      assertFalse(body.getString("errorDetails", "").startsWith("The request path "), what);
    }
    RawHttp.Answer unknown = RawHttp.send("GET /junction-paths-1.0 HTTP/1.1");
    assertEquals(404, unknown.status(), unknown.body());
    assertEquals(404000, unknown.json().getInt("errorCode"), unknown.body());
    RawHttp.Answer refused = RawHttp.send("GET /junction-paths-1.0/x%00 HTTP/1.1");
    assertEquals(400, refused.status(), refused.body());
    assertTrue(
        refused.json().getString("errorDetails").startsWith("The request path "), refused.body());
  }

  @Test
  void headersBeyondTheEndpointsLimitGetItsBareAnswer() {
    // Beyond limitFieldSize the HTTP endpoint answers before any container: an empty 400 without a
    // Server header (see the README's security section).
    RawHttp.Answer huge =
        RawHttp.send("GET /socialize.getUserInfo HTTP/1.1\r\nX-Huge: " + "a".repeat(200_000));
    assertEquals(400, huge.status());
    assertNamesNoServer(huge);
    assertEquals("", huge.body());
  }
}
