package io.junction.it;

import static io.junction.it.Junction.HTTP;
import static io.junction.it.Junction.HTTPS;
import static io.junction.it.Junction.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * The admin API and console as an attacker meets them: HTTPS only, answers that are never cached,
 * and password guessing locked out per client address.
 */
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

  private static HttpResponse<String> adminPost(
      String path, String body, String type, Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(HTTPS + path))
            .header("Authorization", Junction.adminAuth())
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (type != null) {
      b.header("Content-Type", type);
    }
    headers.forEach(b::header);
    return Junction.send(b);
  }

  @Test
  void anotherSitesPageCannotChangeTheAdministrationWithTheBrowsersCredentials() {
    String name = "csrf-" + UUID.randomUUID();
    String body = "{\"name\":\"" + name + "\",\"domains\":[\"csrf.example.com\"]}";
    String own = "https://localhost:" + HTTPS_PORT;

    // What a form or fetch() on another site's page sends.
    HttpResponse<String> fromElsewhere =
        adminPost(
            "/admin/sites", body, "application/json", Map.of("Origin", "https://evil.example"));
    assertEquals(403, fromElsewhere.statusCode(), fromElsewhere.body());
    assertEquals(403007, Junction.json(fromElsewhere).getInt("errorCode"));
    HttpResponse<String> crossSite =
        adminPost("/admin/sites", body, "application/json", Map.of("Sec-Fetch-Site", "same-site"));
    assertEquals(403007, Junction.json(crossSite).getInt("errorCode"), crossSite.body());
    HttpResponse<String> opaque =
        adminPost("/admin/sites", body, "application/json", Map.of("Origin", "null"));
    assertEquals(403007, Junction.json(opaque).getInt("errorCode"), opaque.body());
    // A form can post JSON text as text/plain without a preflight: refused whatever its origin.
    HttpResponse<String> plain = adminPost("/admin/sites", body, "text/plain", Map.of());
    assertEquals(415, plain.statusCode(), plain.body());
    assertEquals(400001, Junction.json(plain).getInt("errorCode"));
    HttpResponse<String> form =
        adminPost("/admin/sites", body, "application/x-www-form-urlencoded", Map.of());
    assertEquals(415, form.statusCode(), form.body());
    assertFalse(admin("GET", "/admin/sites", null).body().contains(name), "nothing was created");

    // The console (same origin) and tools without those headers still work.
    HttpResponse<String> console =
        adminPost(
            "/admin/sites",
            body,
            "application/json",
            Map.of("Origin", own, "Sec-Fetch-Site", "same-origin", "X-Requested-With", "x"));
    assertEquals(201, console.statusCode(), console.body());
    String apiKey = Junction.json(console).getString("apiKey");
    HttpResponse<String> rotated =
        adminPost("/admin/sites/" + apiKey + "/secret", "", null, Map.of());
    assertEquals(200, rotated.statusCode(), rotated.body());
    HttpResponse<String> rotatedFromElsewhere =
        adminPost(
            "/admin/sites/" + apiKey + "/secret",
            "",
            null,
            Map.of("Origin", "https://evil.example"));
    assertEquals(403007, Junction.json(rotatedFromElsewhere).getInt("errorCode"));
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

  @Test
  void guessingLocksTheAddressOutEvenForTheRightPasswordUntilTheLockoutEnds() throws Exception {
    // An address of its own on the loopback network, so no other test is locked out.
    ThreadLocalRandom r = ThreadLocalRandom.current();
    String attacker =
        "127." + r.nextInt(1, 255) + "." + r.nextInt(0, 256) + "." + r.nextInt(2, 255);
    for (int i = 1; i <= 20; i++) {
      // A forged X-Forwarded-For from an untrusted peer does not move the count elsewhere.
      Answer wrong =
          Answer.from(
              attacker,
              "/admin/info",
              Map.of(
                  "Authorization", basic("admin", "guess-" + i), "X-Forwarded-For", "10.9.8." + i));
      assertEquals(401, wrong.status(), "guess " + i + ": " + wrong.body());
      assertEquals(403005, wrong.json().getInt("errorCode"));
    }

    Answer locked =
        Answer.from(attacker, "/admin/info", Map.of("Authorization", basic("admin", "guess-21")));
    long lockedAt = System.nanoTime();
    assertEquals(429, locked.status(), locked.body());
    assertEquals(403048, locked.json().getInt("errorCode"));
    assertTrue(locked.json().getString("callId").matches("[0-9a-f]{32}"));
    assertEquals("no-store", locked.header("cache-control"));
    long retryAfter = Long.parseLong(locked.header("retry-after"));
    assertTrue(retryAfter >= 1 && retryAfter <= LOCKOUT_SECONDS, "Retry-After " + retryAfter);

    Answer rightPassword =
        Answer.from(attacker, "/admin/info", Map.of("Authorization", Junction.adminAuth()));
    assertEquals(429, rightPassword.status(), "the right password cannot be told apart");
    assertEquals(403048, rightPassword.json().getInt("errorCode"));
    assertFalse(rightPassword.body().contains("publicUrl"), rightPassword.body());

    assertEquals(200, admin("GET", "/admin/info", null).statusCode(), "other addresses are served");

    Path log = Path.of(Junction.SERVER_DIR, "logs", "messages.log");
    String lockedLine = "Administrator logins from " + attacker + " are locked out";
    String text = "";
    for (int i = 0; i < 50 && !text.contains(lockedLine); i++) {
      Thread.sleep(100);
      text = Files.readString(log, StandardCharsets.UTF_8);
    }
    assertEquals(1, text.lines().filter(l -> l.contains(lockedLine)).count(), "one WARNING line");
    // messages.log is in the simple format (W) or, as the test server writes it, in JSON.
    assertTrue(
        text.lines()
            .anyMatch(
                l ->
                    l.contains(" W " + lockedLine)
                        || (l.contains(lockedLine) && l.contains("\"loglevel\":\"WARNING\""))),
        "logged as a WARNING");
    assertFalse(text.contains("guess-"), "no password in the log");
    assertFalse(text.contains(Junction.ADMIN_PASSWORD), "no password in the log");

    Thread.sleep(Math.max(0, (retryAfter + 1) * 1000 - (System.nanoTime() - lockedAt) / 1_000_000));
    Answer after =
        Answer.from(attacker, "/admin/info", Map.of("Authorization", Junction.adminAuth()));
    assertEquals(200, after.status(), after.body());
    assertEquals(HTTPS, after.json().getString("publicUrl"));
  }

  /**
   * One HTTPS request from a chosen local address (Java 17's HttpClient cannot bind one): HTTP/1.0
   * so that the answer is neither chunked nor kept alive.
   */
  record Answer(int status, Map<String, String> headers, String body) {

    static Answer from(String localAddress, String path, Map<String, String> headers)
        throws Exception {
      Socket plain = new Socket();
      plain.bind(new InetSocketAddress(localAddress, 0));
      plain.connect(new InetSocketAddress("127.0.0.1", HTTPS_PORT), 10_000);
      plain.setSoTimeout(30_000);
      try (SSLSocket tls =
          (SSLSocket) TLS.getSocketFactory().createSocket(plain, "localhost", HTTPS_PORT, true)) {
        StringBuilder request = new StringBuilder();
        request.append("GET ").append(path).append(" HTTP/1.0\r\n");
        request.append("Host: localhost:").append(HTTPS_PORT).append("\r\n");
        headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
        request.append("\r\n");
        OutputStream out = tls.getOutputStream();
        out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        InputStream in = tls.getInputStream();
        in.transferTo(all);
        String raw = all.toString(StandardCharsets.UTF_8);
        int end = raw.indexOf("\r\n\r\n");
        assertTrue(end > 0, "an HTTP answer: " + raw);
        String[] lines = raw.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> answerHeaders = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
          int colon = lines[i].indexOf(':');
          answerHeaders.put(
              lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
              lines[i].substring(colon + 1).trim());
        }
        return new Answer(status, answerHeaders, raw.substring(end + 4));
      }
    }

    String header(String lowerCaseName) {
      String v = headers.get(lowerCaseName);
      assertTrue(v != null, lowerCaseName + " in " + headers);
      return v;
    }

    JsonObject json() {
      try (JsonReader r = Json.createReader(new StringReader(body))) {
        return r.readObject();
      }
    }
  }
}
