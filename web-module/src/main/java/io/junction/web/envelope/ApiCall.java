package io.junction.web.envelope;

import io.junction.web.telemetry.CallLogContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One call of the API, as the envelope needs it: its callId, the method name that names the XML
 * root, the parameters (query string and form body together), the chosen format and whether real
 * HTTP status codes were asked for. Filled by {@link ApiCallFilter} before anything else runs.
 */
@RequestScoped
public class ApiCall {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final String callId = newCallId();
  private final long startNanos = System.nanoTime();
  private String method = "";
  private String step;
  private String apiKey;
  private boolean admin;
  private ResponseFormat format = ResponseFormat.JSON;
  private boolean httpStatusCodes;
  private boolean httpStatusCodesAsked;
  private String context;
  private boolean secure;
  private String lang = "en";
  private String httpMethod = "GET";
  private String hostHeader;
  private MultivaluedMap<String, String> params = new MultivaluedHashMap<>();
  private byte[] body = new byte[0];

  static String newCallId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] out = new char[32];
    long a = random.nextLong();
    long b = random.nextLong();
    for (int i = 0; i < 16; i++) {
      out[i] = HEX[(int) (a >>> (60 - 4 * i)) & 0xf];
      out[16 + i] = HEX[(int) (b >>> (60 - 4 * i)) & 0xf];
    }
    return new String(out);
  }

  /** 32 lower-case hex digits, unique per call, for logs and support. */
  public String callId() {
    return callId;
  }

  public long elapsedMillis() {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  public long elapsedNanos() {
    return System.nanoTime() - startNanos;
  }

  /**
   * The step of a browser flow this call is ({@code login}, {@code addConnection}, {@code
   * callback}, {@code confirm}, {@code getToken}), or null for any other call.
   */
  public String step() {
    return step;
  }

  void step(String step) {
    this.step = step;
  }

  /**
   * The site the call is about, once known (its {@code apiKey} or {@code client_id}, or the flow's
   * at a callback), for log lines and traces; null when unknown.
   */
  public String apiKey() {
    return apiKey;
  }

  /** Names the call's site in its log lines and trace from here on. */
  public void apiKey(String apiKey) {
    this.apiKey = CallLogContext.safe(apiKey, 100);
    CallLogContext.put(CallLogContext.API_KEY, this.apiKey);
  }

  /** The API method ({@code socialize.login}), or empty outside the Socialize surface. */
  public String method() {
    return method;
  }

  /** Whether the call is to the admin API, which always answers JSON with real HTTP statuses. */
  public boolean admin() {
    return admin;
  }

  public ResponseFormat format() {
    return format;
  }

  public boolean httpStatusCodes() {
    return httpStatusCodes;
  }

  /** The caller's {@code context} parameter, echoed in the response. */
  public String context() {
    return context;
  }

  /** Whether the call reached Junction over HTTPS. */
  public boolean secure() {
    return secure;
  }

  /** The request's HTTP method. */
  public String httpMethod() {
    return httpMethod;
  }

  /** The Host header the client sent (the host and port it addressed). */
  public String hostHeader() {
    return hostHeader;
  }

  void request(String httpMethod, String hostHeader) {
    this.httpMethod = httpMethod;
    this.hostHeader = hostHeader;
  }

  /** The language of error messages ({@code x_lang} or {@code lang}), en when unsupported. */
  public String lang() {
    return lang;
  }

  /** The first value of a parameter, or null. */
  public String param(String name) {
    return params.getFirst(name);
  }

  /** The first value of a parameter, trimmed; null when absent or blank. */
  public String paramOrNull(String name) {
    String v = params.getFirst(name);
    if (v == null) {
      return null;
    }
    v = v.trim();
    return v.isEmpty() ? null : v;
  }

  public MultivaluedMap<String, String> params() {
    return params;
  }

  /** The raw request body (at most the configured limit), empty when there was none. */
  public byte[] body() {
    return body;
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  void method(String method) {
    this.method = method;
  }

  void admin(boolean admin) {
    this.admin = admin;
    if (admin) {
      this.httpStatusCodes = true;
      this.format = ResponseFormat.JSON;
    }
  }

  void format(ResponseFormat format) {
    this.format = format;
  }

  void httpStatusCodes(boolean value) {
    this.httpStatusCodes = value;
    this.httpStatusCodesAsked = true;
  }

  /**
   * For browser endpoints: errors answered directly (not by redirect) carry real HTTP statuses,
   * unless the caller chose with {@code httpStatusCodes}.
   */
  public void preferHttpStatusCodes() {
    if (!httpStatusCodesAsked) {
      this.httpStatusCodes = true;
    }
  }

  void context(String context) {
    this.context = context;
  }

  void secure(boolean secure) {
    this.secure = secure;
  }

  public void lang(String lang) {
    this.lang = lang;
  }

  void params(MultivaluedMap<String, String> params) {
    this.params = params;
  }

  void body(byte[] body) {
    this.body = body;
  }

  @Override
  public String toString() {
    return "callId="
        + callId
        + " method="
        + (method.isEmpty() ? "-" : method.toLowerCase(Locale.ROOT));
  }
}
