package io.junction.it;

import static io.junction.it.Junction.HTTP;
import static io.junction.it.Junction.HTTPS;
import static io.junction.it.Junction.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/** The admin API and console as an attacker meets them: HTTPS only, answers never cached. */
class AdminSecurityIT {

  private static final int HTTPS_PORT = URI.create(HTTPS).getPort();
  private static final long LOCKOUT_SECONDS =
      Long.parseLong(System.getProperty("junction.admin.lockout.seconds", "5"));
  private static final SSLContext TLS = Junction.trustAll();

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> get(String url, String authorization) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return Junction.send(b);
  }

  @Test
  void theAdminApiRefusesPlainHttpEvenWithTheRightPassword() {
    HttpResponse<String> read = get(HTTP + "/admin/sites", Junction.adminAuth());
    AdminApiIT.assertError(read, 403, 403006, "HTTPS");
    assertFalse(read.body().contains("\"sites\""), read.body());
    assertTrue(read.headers().firstValue("WWW-Authenticate").isEmpty());

    AdminApiIT.assertError(get(HTTP + "/admin/info", null), 403, 403006, "HTTPS");

    String name = "Over HTTP " + UUID.randomUUID();
    HttpResponse<String> write =
        Junction.send(
            HttpRequest.newBuilder(URI.create(HTTP + "/admin/sites"))
                .header("Authorization", Junction.adminAuth())
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"" + name + "\",\"domains\":[\"http.example\"]}")));
    AdminApiIT.assertError(write, 403, 403006, "HTTPS");
    assertFalse(admin("GET", "/admin/sites", null).body().contains(name), "nothing was created");

    assertEquals(200, admin("GET", "/admin/info", null).statusCode(), "HTTPS is served");
  }

  @Test
  void theConsoleOverPlainHttpSendsTheBrowserToThePublicHttpsUrl() {
    HttpResponse<String> page = Junction.get(HTTP + "/console");
    assertEquals(307, page.statusCode(), page.body());
    assertEquals(HTTPS + "/console", page.headers().firstValue("Location").orElseThrow());
    assertFalse(page.body().contains("<title>"), "no page over HTTP");

    HttpResponse<String> script = Junction.get(HTTP + "/console/console.js?v=2");
    assertEquals(307, script.statusCode());
    assertEquals(
        HTTPS + "/console/console.js?v=2", script.headers().firstValue("Location").orElseThrow());

    // The redirect goes to the configured public URL, never to a host the request names.
    HttpResponse<String> forged =
        Junction.send(
            HttpRequest.newBuilder(URI.create(HTTP + "/console"))
                .header("X-Forwarded-Host", "evil.example"));
    assertEquals(307, forged.statusCode());
    assertEquals(HTTPS + "/console", forged.headers().firstValue("Location").orElseThrow());

    assertEquals(200, Junction.get(HTTPS + "/console").statusCode());
  }

  @Test
  void adminAnswersAreNeverStored() {
    assertEquals(
        "no-store",
        admin("GET", "/admin/sites", null).headers().firstValue("Cache-Control").orElseThrow());
    assertEquals(
        "no-store",
        admin("GET", "/admin/sites/3_nope", null)
            .headers()
            .firstValue("Cache-Control")
            .orElseThrow());
    assertEquals(
        "no-store",
        admin("GET", "/admin/no/such/path", null)
            .headers()
            .firstValue("Cache-Control")
            .orElseThrow());
    assertEquals(
        "no-store",
        get(HTTPS + "/admin/sites", null).headers().firstValue("Cache-Control").orElseThrow());
    assertEquals(
        "no-store",
        get(HTTP + "/admin/sites", Junction.adminAuth())
            .headers()
            .firstValue("Cache-Control")
            .orElseThrow());
  }
}
