package io.junction.it;

import static io.junction.it.Browser.loginUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What operators see: the Prometheus text of {@code /metrics}, the OpenTelemetry trace of a login
 * (exported to a loopback OTLP receiver), and the log lines (messages.log in JSON, console.log in
 * the simple format), which carry each call's fields and no secret.
 */
class TelemetryIT {

  private static final String METRICS_USER = "metrics";
  private static final String METRICS_PASSWORD = System.getProperty("junction.metrics.password");
  private static final int OTLP_PORT = Integer.getInteger("junction.otlp.port", 19094);

  private final OkStandIn ok = OkStandIn.get();

  // ---------------------------------------------------------------- metrics

  static HttpResponse<String> metrics(String authorization) {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create(Junction.HTTPS + "/metrics"))
            .header("Accept", "text/plain");
    if (authorization != null) {
      r.header("Authorization", authorization);
    }
    return Junction.send(r);
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** The value of the sample of {@code family} whose labels include all of {@code labels}. */
  static Optional<Double> sample(String text, String family, Map<String, String> labels) {
    for (String line : text.split("\n")) {
      if (!line.startsWith(family + "{")) {
        continue;
      }
      int close = line.lastIndexOf('}');
      String labelText = line.substring(family.length() + 1, close);
      boolean all =
          labels.entrySet().stream()
              .allMatch(e -> labelText.contains(e.getKey() + "=\"" + e.getValue() + "\""));
      if (all) {
        return Optional.of(Double.parseDouble(line.substring(close + 1).trim()));
      }
    }
    return Optional.empty();
  }

  @Test
  void metricsCountLoginsBySiteProviderAndOutcome() {
    Sites.Site site = Sites.withOdnoklassniki();
    SocialFlowIT.login(new Browser(), site, OkStandIn.newUser("Metrics"));

    // A login the provider fails at the token exchange.
    Browser b = new Browser();
    String providerPage = b.start(loginUrl(site.apiKey(), ""));
    ok.consentAs(OkStandIn.newUser("Failing"));
    String callback = Browser.location(b.get(providerPage));
    ok.failNextToken(OkStandIn.Failure.SERVER_ERROR);
    Map<String, String> failed = Browser.answer(Browser.location(b.get(callback)));
    String failedCode = failed.get("errorCode");
    assertNotNull(failedCode, failed.toString());
    assertFalse("0".equals(failedCode), failed.toString());

    // A signed call with a wrong signature.
    HttpResponse<String> badSig =
        Junction.get(
            Junction.HTTPS
                + "/socialize.getUserInfo?apiKey="
                + Browser.enc(site.apiKey())
                + "&UID=someone&timestamp="
                + System.currentTimeMillis() / 1000
                + "&nonce=n"
                + ThreadLocalRandom.current().nextLong()
                + "&sig="
                + Browser.enc("AAAAAAAAAAAAAAAAAAAAAAAAAAA="));
    assertEquals(403003, Junction.json(badSig).getInt("errorCode"), badSig.body());

    assertEquals(401, metrics(null).statusCode(), "no credentials, no metrics");
    assertEquals(401, metrics(basic(METRICS_USER, "wrong")).statusCode());
    assertEquals(
        401,
        metrics(Junction.adminAuth()).statusCode(),
        "the administrator of the admin API is no reader of /metrics");
    HttpResponse<String> r = metrics(basic(METRICS_USER, METRICS_PASSWORD));
    assertEquals(200, r.statusCode(), r.body());
    String text = r.body();

    double logins =
        sample(
                text,
                "junction_login_total",
                Map.of("site", site.apiKey(), "provider", "odnoklassniki", "outcome", "0"))
            .orElseThrow(() -> new AssertionError("no login counted in\n" + text));
    assertEquals(1.0, logins);
    assertEquals(
        Optional.of(1.0),
        sample(
            text,
            "junction_login_total",
            Map.of("site", site.apiKey(), "provider", "odnoklassniki", "outcome", failedCode)));
    assertTrue(
        sample(text, "junction_signature_failures_total", Map.of("code", "403003")).orElse(0.0)
            >= 1);
    for (String step : List.of("login", "callback", "getToken")) {
      assertTrue(
          sample(text, "junction_flow_step_seconds_count", Map.of("step", step)).orElse(0.0) >= 1,
          step + " timed");
    }
    assertTrue(
        sample(
                    text,
                    "junction_provider_call_seconds_count",
                    Map.of("provider", "odnoklassniki", "method", "POST", "outcome", "ok"))
                .orElse(0.0)
            >= 1,
        "token exchanges timed");
    assertTrue(
        sample(
                    text,
                    "junction_provider_call_seconds_count",
                    Map.of("provider", "odnoklassniki", "outcome", "refused"))
                .orElse(0.0)
            >= 1,
        "the failed exchange timed");
    assertTrue(text.contains("\njunction_pending_flows{"), "pending flows gauge");
    assertTrue(text.contains("connectionpool_"), "database pool metrics");
    assertTrue(text.contains("\nREST_request_seconds_count{"), "each REST method is timed");
    // No timer keeps client-side percentiles: each would hold HdrHistograms of some 300 KiB, and
    // every REST method has its timer.
    assertFalse(text.contains("quantile=\""), "no timer reports client-side percentiles");
  }

  // ---------------------------------------------------------------- tracing

  private static String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** A browser request carrying a sampled W3C traceparent of {@code traceId}. */
  private static HttpResponse<String> traced(Browser b, HttpRequest.Builder r, String traceId) {
    try {
      return b.client.send(
          r.header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01")
              .timeout(Duration.ofSeconds(30))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aLoginIsTracedThroughTheProviderAndTheDatabase() throws Exception {
    try (OtlpReceiver otlp = new OtlpReceiver(OTLP_PORT)) {
      Sites.Site site = Sites.withOdnoklassniki();
      String traceId = randomHex(16);
      Browser b = new Browser();

      HttpResponse<String> first =
          traced(b, HttpRequest.newBuilder(URI.create(loginUrl(site.apiKey(), ""))), traceId);
      String providerPage = Browser.location(first);
      ok.consentAs(OkStandIn.newUser("Traced"));
      String callback = Browser.location(b.get(providerPage));
      HttpResponse<String> back = traced(b, HttpRequest.newBuilder(URI.create(callback)), traceId);
      String callbackCallId = back.headers().firstValue("X-Call-Id").orElseThrow();
      String code = Browser.answer(Browser.location(back)).get("code");
      HttpResponse<String> token =
          traced(
              b,
              HttpRequest.newBuilder(URI.create(Junction.HTTPS + "/socialize.getToken"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "grant_type=authorization_code&code="
                              + Browser.enc(code)
                              + "&redirect_uri="
                              + Browser.enc(Browser.SITE_PAGE)
                              + "&client_id="
                              + Browser.enc(site.apiKey())
                              + "&client_secret="
                              + Browser.enc(site.secret()))),
              traceId);
      assertEquals(0, Junction.json(token).getInt("errorCode"), token.body());

      List<OtlpReceiver.Span> trace = List.of();
      OtlpReceiver.Span callbackSpan = null;
      for (int i = 0;
          i < 100
              && (callbackSpan == null
                  || trace.stream().filter(s -> s.kind() == OtlpReceiver.Span.SERVER).count() < 3);
          i++) {
        Thread.sleep(100);
        trace = otlp.spans().stream().filter(s -> s.traceId().equals(traceId)).toList();
        callbackSpan =
            trace.stream()
                .filter(s -> callbackCallId.equals(s.attributes().get("junction.call_id")))
                .findFirst()
                .orElse(null);
      }
      String seen =
          trace.stream()
              .map(s -> s.name() + " " + s.kind() + " " + s.attributes())
              .toList()
              .toString();
      assertNotNull(callbackSpan, "the callback's span carries its callId: " + seen);
      assertEquals(OtlpReceiver.Span.SERVER, callbackSpan.kind(), seen);
      assertEquals(site.apiKey(), callbackSpan.attributes().get("junction.api_key"), seen);
      List<OtlpReceiver.Span> servers =
          trace.stream().filter(s -> s.kind() == OtlpReceiver.Span.SERVER).toList();
      assertTrue(servers.size() >= 3, "login, callback and getToken: " + seen);
      for (OtlpReceiver.Span s : servers) {
        assertTrue(
            s.attributes().getOrDefault("junction.call_id", "").matches("[0-9a-f]{32}"),
            "every inbound request names its call: " + seen);
      }
      // No attribute of any span holds a secret, a token or the provider's code.
      String tokenValue = Junction.json(token).getString("access_token");
      for (OtlpReceiver.Span s : trace) {
        for (String v : s.attributes().values()) {
          for (String secret : List.of(site.secret(), tokenValue, code, OkStandIn.SECRET_KEY)) {
            assertFalse(v != null && v.contains(secret), s.name() + " carries a secret: " + v);
          }
          assertFalse(v != null && v.contains("okcode-"), s.name() + " carries the code: " + v);
        }
      }
      String callbackSpanId = callbackSpan.spanId();
      List<OtlpReceiver.Span> providerCalls =
          trace.stream()
              .filter(s -> s.kind() == OtlpReceiver.Span.CLIENT && !s.name().startsWith("db "))
              .toList();
      assertTrue(providerCalls.size() >= 2, "code exchange and profile: " + seen);
      assertTrue(
          trace.stream().anyMatch(s -> s.name().equals("db callback.login")),
          "the callback's database work: " + seen);
      assertTrue(
          trace.stream()
              .anyMatch(
                  s -> s.name().equals("db callback.claim") && s.parentId().equals(callbackSpanId)),
          "database work inside the callback's span: " + seen);
    }
  }

  @Test
  void providerCallsWithATokenInTheirQueryLeaveItOutOfTheTrace() throws Exception {
    try (OtlpReceiver otlp = new OtlpReceiver(OTLP_PORT)) {
      Sites.Site site =
          Sites.withProvider("vkontakte", ProviderStandIns.VK_APP, ProviderStandIns.VK_SECRET);
      String traceId = randomHex(16);
      Browser b = new Browser();
      String providerPage =
          b.start(
              loginUrl(site.apiKey(), "")
                  .replace("x_provider=odnoklassniki", "x_provider=vkontakte"));
      ProviderStandIns.get().consentAs(OkStandIn.newUser("Vk"));
      String callback = Browser.location(b.get(providerPage));
      HttpResponse<String> back = traced(b, HttpRequest.newBuilder(URI.create(callback)), traceId);
      assertNotNull(Browser.answer(Browser.location(back)).get("code"), back.toString());

      List<OtlpReceiver.Span> clients = List.of();
      for (int i = 0; i < 100 && clients.size() < 2; i++) {
        Thread.sleep(100);
        clients =
            otlp.spans().stream()
                .filter(s -> s.traceId().equals(traceId))
                .filter(s -> s.kind() == OtlpReceiver.Span.CLIENT && !s.name().startsWith("db "))
                .toList();
      }
      assertTrue(clients.size() >= 2, "token request and users.get: " + clients);
      for (OtlpReceiver.Span s : clients) {
        for (String v : s.attributes().values()) {
          assertFalse(
              v != null && (v.contains("access_token=") || v.contains(ProviderStandIns.VK_SECRET)),
              "a provider call's span carries a token: " + s);
        }
      }
    }
  }

  // ---------------------------------------------------------------- logs

  private static Path logs() {
    return Path.of(Junction.SERVER_DIR, "logs");
  }

  private static List<String> jsonLines() throws IOException {
    return Files.readAllLines(logs().resolve("messages.log"), StandardCharsets.UTF_8);
  }

  private static int firstJson(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("{")) {
        return i;
      }
    }
    throw new AssertionError("no JSON line in messages.log");
  }

  private static JsonObject parse(String line) {
    try (JsonReader r = Json.createReader(new StringReader(line))) {
      return r.readObject();
    } catch (RuntimeException e) {
      throw new AssertionError("not a JSON log line: " + line, e);
    }
  }

  /**
   * What would be a secret in a log line whatever the test that caused it: a parameter or field
   * named like a credential with a value, an oauth_token of Junction's, a Basic header.
   */
  private static final Pattern CREDENTIAL =
      Pattern.compile(
          "(?i)(client_secret|secretKey|secret|access_token|refresh_token|oauth_token|code_verifier"
              + "|password|sig)(=|\\\\?\":\\s*\\\\?\")[^&\\s\"\\\\,;]{6,}"
              + "|jt1\\.[A-Za-z0-9_-]{16,}"
              + "|Basic [A-Za-z0-9+/]{12,}=*");

  @Test
  void jsonLogLinesNameTheirCallAndHoldNoSecret() throws Exception {
    Sites.Site site = Sites.withOdnoklassniki();
    String token = SocialFlowIT.login(new Browser(), site, OkStandIn.newUser("Logged"));

    // A callback whose code exchange fails is logged (WARNING) within the call.
    Browser b = new Browser();
    String providerPage = b.start(loginUrl(site.apiKey(), ""));
    ok.consentAs(OkStandIn.newUser("Warned"));
    String callback = Browser.location(b.get(providerPage));
    ok.failNextToken(OkStandIn.Failure.SERVER_ERROR);
    HttpResponse<String> failed = b.get(callback);
    String callId = failed.headers().firstValue("X-Call-Id").orElseThrow();

    List<JsonObject> ofCall = new ArrayList<>();
    for (int i = 0; i < 50 && ofCall.isEmpty(); i++) {
      Thread.sleep(100);
      ofCall =
          jsonLines().stream()
              .filter(l -> l.contains(callId))
              .map(TelemetryIT::parse)
              .filter(o -> callId.equals(o.getString("ext_callId", null)))
              .toList();
    }
    assertFalse(ofCall.isEmpty(), "a JSON line with ext_callId " + callId);
    for (JsonObject line : ofCall) {
      assertEquals(site.apiKey(), line.getString("ext_apiKey", null), line.toString());
      assertEquals("callback", line.getString("ext_method", null), line.toString());
    }
    assertTrue(
        ofCall.stream().anyMatch(o -> "WARNING".equals(o.getString("loglevel", ""))),
        ofCall.toString());

    // Every line of messages.log is JSON; no line of any log holds a secret, a token or a
    // password: of this test's flows, and of every test that ran before in this suite.
    // Liberty writes a plain-text header (product, Java, ...) before the first JSON line.
    List<String> all = jsonLines();
    List<String> json = all.subList(firstJson(all), all.size());
    assertTrue(json.size() > 10, "messages.log has the suite's lines");
    for (String line : json) {
      assertTrue(parse(line).containsKey("type"), line);
    }
    List<String> known =
        List.of(
            site.secret(), OkStandIn.SECRET_KEY, token, Junction.ADMIN_PASSWORD, METRICS_PASSWORD);
    try (Stream<Path> files = Files.walk(logs())) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String text = Files.readString(f, StandardCharsets.ISO_8859_1);
        for (String secret : known) {
          assertFalse(text.contains(secret), "a secret in " + f);
        }
        Matcher m = CREDENTIAL.matcher(text);
        if (m.find()) {
          int from = Math.max(0, m.start() - 200);
          throw new AssertionError(
              "a credential in "
                  + f
                  + ": ..."
                  + text.substring(from, Math.min(text.length(), m.end() + 40)));
        }
      }
    }
  }
}
