package io.junction.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback stand-in of Odnoklassniki that behaves as ok.ru documents: the authorization page
 * (where the "user" consents or refuses, as the test decides), the token endpoint (which checks
 * every parameter and issues single-use codes' tokens), and the REST API's users.getCurrentUser
 * (which checks application_key and the MD5 sig, and answers ok.ru's error bodies with HTTP 200).
 */
final class OkStandIn {

  static final String APP_ID = "512000777";
  static final String PUBLIC_KEY = "CBAPUBLICKEYSTANDIN";
  static final String SECRET_KEY = "0F1E2D3C4B5A69788796A5B4C3D2E1F0";

  /** A user of the stand-in. */
  record User(String uid, String firstName, String lastName, String email) {
    String name() {
      return firstName + " " + lastName;
    }
  }

  /** How the next call of an endpoint misbehaves. */
  enum Failure {
    NONE,
    ERROR_BODY,
    SERVER_ERROR,
    MALFORMED,
    TIMEOUT
  }

  private static OkStandIn instance;

  private final HttpServer server;
  private final Map<String, Grant> codes = new ConcurrentHashMap<>();
  private final Map<String, User> tokens = new ConcurrentHashMap<>();
  final List<Map<String, String>> authorizeRequests = new ArrayList<>();
  final List<Map<String, String>> tokenRequests = new ArrayList<>();
  final List<Map<String, String>> apiRequests = new ArrayList<>();
  private final AtomicReference<User> nextUser = new AtomicReference<>();
  private volatile boolean denyNext;
  private volatile Failure tokenFailure = Failure.NONE;
  private volatile Failure apiFailure = Failure.NONE;
  private volatile String nextExpiresIn;

  private record Grant(User user, String redirectUri) {}

  static synchronized OkStandIn get() {
    if (instance == null) {
      instance = new OkStandIn(Integer.getInteger("junction.ok.port", 19091));
    }
    return instance;
  }

  private OkStandIn(int port) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen on " + port, e);
    }
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/oauth/authorize", this::authorize);
    server.createContext("/oauth/token.do", this::token);
    server.createContext("/fb.do", this::api);
    server.start();
  }

  static User newUser(String first) {
    String uid = String.valueOf(570_000_000_000L + (long) (Math.random() * 1_000_000_000L));
    return new User(
        uid,
        first,
        "Test" + uid.substring(uid.length() - 4),
        first.toLowerCase() + uid + "@example.ru");
  }

  /** The next authorization consents as this user. */
  synchronized void consentAs(User user) {
    nextUser.set(user);
    denyNext = false;
  }

  synchronized void denyNext() {
    denyNext = true;
  }

  void failNextToken(Failure f) {
    tokenFailure = f;
  }

  /** The next token answer says the token expires in this many seconds. */
  void expireNextTokenIn(String seconds) {
    nextExpiresIn = seconds;
  }

  void failNextApi(Failure f) {
    apiFailure = f;
  }

  boolean issuedToken(String token) {
    return tokens.containsKey(token);
  }

  private void authorize(HttpExchange x) throws IOException {
    Map<String, String> q = query(x.getRequestURI().getRawQuery());
    synchronized (this) {
      authorizeRequests.add(q);
    }
    String redirect = q.get("redirect_uri");
    if (!APP_ID.equals(q.get("client_id"))
        || !"code".equals(q.get("response_type"))
        || redirect == null) {
      send(x, 400, "text/plain", "invalid authorization request");
      return;
    }
    String target;
    if (denyNext) {
      denyNext = false;
      target = redirect + "?error=access_denied&state=" + enc(q.get("state"));
    } else {
      User user = nextUser.getAndSet(null);
      if (user == null) {
        send(x, 409, "text/plain", "the test named no user");
        return;
      }
      String code = "okcode-" + UUID.randomUUID();
      codes.put(code, new Grant(user, redirect));
      target = redirect + "?code=" + enc(code) + "&state=" + enc(q.get("state"));
    }
    x.getResponseHeaders().add("Location", target);
    send(x, 302, "text/plain", "");
  }

  private void token(HttpExchange x) throws IOException {
    Map<String, String> form =
        query(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    synchronized (this) {
      tokenRequests.add(form);
    }
    Failure failure = tokenFailure;
    tokenFailure = Failure.NONE;
    if (misbehave(x, failure)) {
      return;
    }
    if (!"POST".equals(x.getRequestMethod())) {
      send(x, 405, "text/plain", "POST only");
      return;
    }
    if (!APP_ID.equals(form.get("client_id")) || !SECRET_KEY.equals(form.get("client_secret"))) {
      send(
          x,
          400,
          "application/json",
          "{\"error\":\"invalid_client\",\"error_description\":\"Bad client credentials\"}");
      return;
    }
    User user;
    if ("refresh_token".equals(form.get("grant_type"))) {
      user = tokens.get("refresh:" + form.get("refresh_token"));
    } else {
      Grant grant =
          "authorization_code".equals(form.get("grant_type"))
              ? codes.remove(String.valueOf(form.get("code")))
              : null;
      if (grant == null || !grant.redirectUri().equals(form.get("redirect_uri"))) {
        send(
            x,
            400,
            "application/json",
            "{\"error\":\"invalid_grant\",\"error_description\":\"Unknown code or redirect_uri\"}");
        return;
      }
      user = grant.user();
    }
    String access = "okaccess-" + UUID.randomUUID();
    String refresh = "okrefresh-" + UUID.randomUUID();
    tokens.put(access, user);
    tokens.put("refresh:" + refresh, user);
    String expiresIn = nextExpiresIn == null ? "1800" : nextExpiresIn;
    nextExpiresIn = null;
    send(
        x,
        200,
        "application/json;charset=utf-8",
        "{\"access_token\":\""
            + access
            + "\",\"token_type\":\"session\",\"refresh_token\":\""
            + refresh
            + "\",\"expires_in\":\""
            + expiresIn
            + "\"}");
  }

  private void api(HttpExchange x) throws IOException {
    Map<String, String> params = query(x.getRequestURI().getRawQuery());
    if ("POST".equals(x.getRequestMethod())) {
      params.putAll(query(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
    }
    synchronized (this) {
      apiRequests.add(params);
    }
    Failure failure = apiFailure;
    apiFailure = Failure.NONE;
    if (misbehave(x, failure)) {
      return;
    }
    String token = params.get("access_token");
    User user = token == null ? null : tokens.get(token);
    if (user == null) {
      send(
          x,
          200,
          "application/json",
          "{\"error_code\":102,\"error_data\":null,\"error_msg\":\"PARAM_SESSION_EXPIRED : Session expired\"}");
      return;
    }
    if (!PUBLIC_KEY.equals(params.get("application_key"))) {
      send(
          x,
          200,
          "application/json",
          "{\"error_code\":101,\"error_data\":null,\"error_msg\":\"PARAM_API_KEY : Application key is invalid\"}");
      return;
    }
    if (!sig(params, token).equals(params.get("sig"))) {
      send(
          x,
          200,
          "application/json",
          "{\"error_code\":104,\"error_data\":null,\"error_msg\":\"PARAM_SIGNATURE : Invalid signature\"}");
      return;
    }
    if (!"users.getCurrentUser".equals(params.get("method"))) {
      send(
          x,
          200,
          "application/json",
          "{\"error_code\":3,\"error_data\":null,\"error_msg\":\"METHOD : Method not found\"}");
      return;
    }
    send(
        x,
        200,
        "application/json;charset=utf-8",
        "{\"uid\":\""
            + user.uid()
            + "\",\"first_name\":\""
            + user.firstName()
            + "\",\"last_name\":\""
            + user.lastName()
            + "\",\"name\":\""
            + user.name()
            + "\",\"gender\":\"female\",\"birthday\":\"1990-05-17\",\"locale\":\"ru\",\"email\":\""
            + user.email()
            + "\",\"pic_1\":\"https://i.ok.example/"
            + user.uid()
            + "_50.jpg\",\"pic_3\":\"https://i.ok.example/"
            + user.uid()
            + "_190.jpg\"}");
  }

  /**
   * ok.ru's sig: md5(sorted k=v without access_token, session_key, sig + md5(access_token +
   * secret)).
   */
  static String sig(Map<String, String> params, String accessToken) {
    StringBuilder base = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
      if (!List.of("access_token", "session_key", "sig").contains(e.getKey())) {
        base.append(e.getKey()).append('=').append(e.getValue());
      }
    }
    return md5(base + md5(accessToken + SECRET_KEY));
  }

  private boolean misbehave(HttpExchange x, Failure failure) throws IOException {
    switch (failure) {
      case NONE -> {
        return false;
      }
      case ERROR_BODY ->
          send(
              x,
              200,
              "application/json",
              "{\"error_code\":5000,\"error_data\":null,\"error_msg\":\"SYSTEM : Unknown error\"}");
      case SERVER_ERROR ->
          send(x, 503, "text/html", "<html><body>Service Unavailable</body></html>");
      case MALFORMED -> send(x, 200, "application/json", "{\"access_token\":\"okaccess-broken");
      case TIMEOUT -> {
        try {
          Thread.sleep(5000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        send(x, 200, "application/json", "{}");
      }
    }
    return true;
  }

  static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  static String enc(String s) {
    return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
  }

  private static String md5(String s) {
    try {
      return String.format(
          "%032x",
          new BigInteger(
              1, MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8))));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void send(HttpExchange x, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", type);
    try {
      x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = x.getResponseBody()) {
          out.write(bytes);
        }
      }
    } catch (IOException closed) {
      // the caller gave up (timeout test)
    } finally {
      x.close();
    }
  }

  static URI uri(String s) {
    return URI.create(s);
  }
}
