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
 * The social calls check as ok.ru does what the token was granted (the scopes of the authorization,
 * less those the "user" declined), answering PERMISSION_DENIED (10) otherwise: friends.get,
 * users.getInfo (at most 100 uids), mediatopic.post (its attachment's media; a photo only by a
 * token of an upload), photosV2.getUploadUrl, the multipart upload itself, photos.getAlbums and
 * photos.getPhotos. It also serves images for user actions under /img/.
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
  private final Map<String, java.util.Set<String>> scopesOfToken = new ConcurrentHashMap<>();
  private final Map<String, List<User>> friends = new ConcurrentHashMap<>();
  private final Map<String, String> uploads = new ConcurrentHashMap<>();
  private final Map<String, String> photoTokens = new ConcurrentHashMap<>();
  final List<Map<String, String>> topics = new java.util.concurrent.CopyOnWriteArrayList<>();
  final List<String> uploadedTypes = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile java.util.Set<String> declineNext = java.util.Set.of();
  private volatile String failMethod;
  final List<Map<String, String>> authorizeRequests = new ArrayList<>();
  final List<Map<String, String>> tokenRequests = new ArrayList<>();
  final List<Map<String, String>> apiRequests = new ArrayList<>();
  private final AtomicReference<User> nextUser = new AtomicReference<>();
  private volatile boolean denyNext;
  private volatile Failure tokenFailure = Failure.NONE;
  private volatile Failure apiFailure = Failure.NONE;
  private volatile String nextExpiresIn;

  private record Grant(User user, String redirectUri, java.util.Set<String> scopes) {}

  /** A PNG of 1x1 pixel, as the image server serves it. */
  static final byte[] PNG =
      java.util.Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

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
    server.createContext("/upload", this::upload);
    server.createContext("/img/", this::image);
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

  /** The next authorization grants the scopes asked for but these. */
  void declineNext(String... scopes) {
    declineNext = java.util.Set.of(scopes);
  }

  /** The friends friends.get answers for a user. */
  void friendsOf(User user, List<User> list) {
    friends.put(user.uid(), List.copyOf(list));
  }

  /** The next call of this REST method answers ok.ru's unknown error. */
  void failNextMethod(String method) {
    failMethod = method;
  }

  /** What the address of an image of the image server is. */
  String imageUrl(String name) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/img/" + name;
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
      java.util.Set<String> scopes = new java.util.HashSet<>();
      for (String sc : String.valueOf(q.get("scope")).split(";")) {
        if (!sc.isEmpty() && !declineNext.contains(sc)) {
          scopes.add(sc);
        }
      }
      declineNext = java.util.Set.of();
      codes.put(code, new Grant(user, redirect, scopes));
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
    java.util.Set<String> scopes;
    if ("refresh_token".equals(form.get("grant_type"))) {
      user = tokens.get("refresh:" + form.get("refresh_token"));
      scopes =
          scopesOfToken.getOrDefault("refresh:" + form.get("refresh_token"), java.util.Set.of());
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
      scopes = grant.scopes();
    }
    String access = "okaccess-" + UUID.randomUUID();
    String refresh = "okrefresh-" + UUID.randomUUID();
    tokens.put(access, user);
    tokens.put("refresh:" + refresh, user);
    scopesOfToken.put(access, scopes);
    scopesOfToken.put("refresh:" + refresh, scopes);
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
    String method = params.get("method");
    if (method != null && method.equals(failMethod)) {
      failMethod = null;
      send(
          x,
          200,
          "application/json",
          "{\"error_code\":5000,\"error_data\":null,\"error_msg\":\"SYSTEM : Unknown error\"}");
      return;
    }
    if (!"users.getCurrentUser".equals(method)) {
      social(x, method, params, user, scopesOfToken.getOrDefault(token, java.util.Set.of()));
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

  private void social(
      HttpExchange x,
      String method,
      Map<String, String> params,
      User user,
      java.util.Set<String> granted)
      throws IOException {
    List<String> needed =
        switch (String.valueOf(method)) {
          case "friends.get", "users.getInfo" -> List.of("VALUABLE_ACCESS");
          case "mediatopic.post" ->
              "true".equals(params.get("set_status"))
                  ? List.of("VALUABLE_ACCESS", "SET_STATUS")
                  : List.of("VALUABLE_ACCESS");
          case "photosV2.getUploadUrl", "photos.getAlbums", "photos.getPhotos" ->
              List.of("VALUABLE_ACCESS", "PHOTO_CONTENT");
          default -> null;
        };
    if (needed == null) {
      error(x, 3, "METHOD : Method not found");
      return;
    }
    for (String scope : needed) {
      if (!granted.contains(scope)) {
        error(x, 10, "PERMISSION_DENIED : User must grant access to " + scope);
        return;
      }
    }
    switch (method) {
      case "friends.get" -> {
        StringBuilder b = new StringBuilder("[");
        for (User f : friends.getOrDefault(user.uid(), List.of())) {
          b.append(b.length() > 1 ? "," : "").append('"').append(f.uid()).append('"');
        }
        send(x, 200, "application/json", b.append(']').toString());
      }
      case "users.getInfo" -> {
        String uids = params.get("uids");
        if (uids == null || params.get("fields") == null) {
          error(x, 100, "PARAM : Missing required parameter uids or fields");
          return;
        }
        List<String> asked = List.of(uids.split(","));
        if (asked.size() > 100) {
          error(x, 100, "PARAM : Too many uids");
          return;
        }
        StringBuilder b = new StringBuilder("[");
        for (List<User> list : friends.values()) {
          for (User f : list) {
            if (asked.contains(f.uid()) && b.indexOf("\"" + f.uid() + "\"") < 0) {
              b.append(b.length() > 1 ? "," : "")
                  .append("{\"uid\":\"")
                  .append(f.uid())
                  .append("\",\"first_name\":\"")
                  .append(f.firstName())
                  .append("\",\"last_name\":\"")
                  .append(f.lastName())
                  .append("\",\"name\":\"")
                  .append(f.name())
                  .append("\",\"gender\":\"male\",\"pic_3\":\"https://i.ok.example/")
                  .append(f.uid())
                  .append("_190.jpg\"}");
            }
          }
        }
        send(x, 200, "application/json", b.append(']').toString());
      }
      case "mediatopic.post" -> {
        String attachment = params.get("attachment");
        if (!"USER".equals(params.get("type")) || attachment == null) {
          error(x, 100, "PARAM : type and attachment are required");
          return;
        }
        jakarta.json.JsonObject a;
        try {
          a = jakarta.json.Json.createReader(new java.io.StringReader(attachment)).readObject();
        } catch (RuntimeException e) {
          error(x, 100, "PARAM : attachment is not JSON");
          return;
        }
        for (jakarta.json.JsonObject m :
            a.getJsonArray("media").getValuesAs(jakarta.json.JsonObject.class)) {
          if ("photo".equals(m.getString("type"))) {
            if (!granted.contains("PHOTO_CONTENT")) {
              error(x, 10, "PERMISSION_DENIED : User must grant access to PHOTO_CONTENT");
              return;
            }
            for (jakarta.json.JsonObject ph :
                m.getJsonArray("list").getValuesAs(jakarta.json.JsonObject.class)) {
              if (photoTokens.remove(ph.getString("id")) == null) {
                error(x, 100, "PARAM : Unknown photo token");
                return;
              }
            }
          }
        }
        String id = String.valueOf(6_700_000_000L + topics.size());
        Map<String, String> topic = new HashMap<>(params);
        topic.put("uid", user.uid());
        topic.put("topicId", id);
        topics.add(topic);
        send(x, 200, "application/json", "\"" + id + "\"");
      }
      case "photosV2.getUploadUrl" -> {
        String photoId = "ph" + UUID.randomUUID().toString().replace("-", "");
        uploads.put(photoId, user.uid());
        send(
            x,
            200,
            "application/json",
            "{\"upload_url\":\"http://127.0.0.1:"
                + server.getAddress().getPort()
                + "/upload?photoIds="
                + photoId
                + "\",\"photo_ids\":[\""
                + photoId
                + "\"],\"expires_ms\":1,\"ttl_ms\":86400000}");
      }
      case "photos.getAlbums" ->
          send(
              x,
              200,
              "application/json",
              "{\"albums\":[{\"aid\":\"9100"
                  + user.uid()
                  + "\",\"title\":\"Summer\",\"description\":\"At the dacha\",\"photos_count\":1,\"type\":\"PUBLIC\"}],\"hasMore\":false}");
      case "photos.getPhotos" -> {
        if (!("9100" + user.uid()).equals(params.get("aid"))) {
          error(x, 300, "NOT_FOUND : No such album");
          return;
        }
        send(
            x,
            200,
            "application/json",
            "{\"photos\":[{\"id\":\"8800"
                + user.uid()
                + "\",\"album_id\":\"9100"
                + user.uid()
                + "\",\"text\":\"Lake\",\"pic180min\":\"https://i.ok.example/lake180.jpg\",\"pic_max\":\"https://i.ok.example/lake.jpg\",\"standard_width\":1280,\"standard_height\":960}],\"hasMore\":false}");
      }
      default -> error(x, 3, "METHOD : Method not found");
    }
  }

  /**
   * The photo upload address: a multipart/form-data POST of one image file for a photo id that
   * photosV2.getUploadUrl issued, answered with the photo's token.
   */
  private void upload(HttpExchange x) throws IOException {
    Map<String, String> q = query(x.getRequestURI().getRawQuery());
    String photoId = q.get("photoIds");
    String type = String.valueOf(x.getRequestHeaders().getFirst("Content-Type"));
    byte[] body = x.getRequestBody().readAllBytes();
    if (!"POST".equals(x.getRequestMethod())
        || photoId == null
        || uploads.remove(photoId) == null) {
      error(x, 100, "PARAM : Unknown upload");
      return;
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("^multipart/form-data;\\s*boundary=(\\S+)$").matcher(type);
    if (!m.find()) {
      error(x, 100, "PARAM : Not multipart/form-data");
      return;
    }
    String boundary = m.group(1);
    String text = new String(body, StandardCharsets.ISO_8859_1);
    int head = text.indexOf("--" + boundary + "\r\n");
    int headEnd = text.indexOf("\r\n\r\n", head);
    int end = text.indexOf("\r\n--" + boundary + "--", headEnd);
    if (head != 0 || headEnd < 0 || end < 0) {
      error(x, 100, "PARAM : Malformed multipart body");
      return;
    }
    String partHead = text.substring(head, headEnd);
    byte[] file = java.util.Arrays.copyOfRange(body, headEnd + 4, end);
    java.util.regex.Matcher ct =
        java.util.regex.Pattern.compile("Content-Type: (image/[a-z]+)").matcher(partHead);
    if (!partHead.contains("filename=\"")
        || !ct.find()
        || file.length < 8
        || (file[0] & 0xff) != 0x89) {
      error(x, 100, "PARAM : No image file in the upload");
      return;
    }
    uploadedTypes.add(ct.group(1));
    String token = "phtoken-" + UUID.randomUUID();
    photoTokens.put(token, photoId);
    send(
        x,
        200,
        "application/json",
        "{\"photos\":{\"" + photoId + "\":{\"token\":\"" + token + "\"}}}");
  }

  /**
   * Images for user actions: /img/*.png is a PNG, /img/moved?to=URL a redirect there, anything else
   * an HTML page.
   */
  private void image(HttpExchange x) throws IOException {
    String path = x.getRequestURI().getPath();
    if (path.equals("/img/moved")) {
      x.getResponseHeaders().add("Location", query(x.getRequestURI().getRawQuery()).get("to"));
      x.sendResponseHeaders(302, -1);
      x.close();
    } else if (path.endsWith(".png")) {
      x.getResponseHeaders().add("Content-Type", "image/png");
      x.sendResponseHeaders(200, PNG.length);
      try (OutputStream out = x.getResponseBody()) {
        out.write(PNG);
      }
      x.close();
    } else {
      send(x, 200, "text/html", "<html><body>not an image</body></html>");
    }
  }

  private static void error(HttpExchange x, int code, String message) throws IOException {
    send(
        x,
        200,
        "application/json",
        "{\"error_code\":" + code + ",\"error_data\":null,\"error_msg\":\"" + message + "\"}");
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
