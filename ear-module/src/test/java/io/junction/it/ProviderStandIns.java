package io.junction.it;

import static io.junction.it.OkStandIn.enc;
import static io.junction.it.OkStandIn.query;
import static io.junction.it.OkStandIn.send;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Loopback stand-ins of VKontakte (oauth.vk.com, api.vk.com with its {@code v} and error bodies),
 * Facebook (dialog, Graph token and /me with {@code appsecret_proof}), WeChat (appid/secret,
 * openid/unionid, errcode bodies), Sina Weibo (uid in the token answer), Twitter (PKCE, Basic
 * client authentication, Bearer API), Instagram, Renren (the user in the token answer), mixi
 * (Bearer People API) and QQ (form-encoded token, openid call, oauth_consumer_key), as their
 * documentation describes them. Each under its own path of one port.
 */
final class ProviderStandIns {

  static final String VK_APP = "51777001";
  static final String VK_SECRET = "vkSecretKey0123";
  static final String FB_APP = "1777000111222";
  static final String FB_SECRET = "fbAppSecret456";
  static final String WECHAT_APP = "wx807d86fb6b3d4fd2";
  static final String WECHAT_SECRET = "wechatSecret789";
  static final String SINA_APP = "2975543127";
  static final String SINA_SECRET = "sinaSecret012";

  /** The app ID and secret every other stand-in (twitter, instagram, renren, mixi, qq) expects. */
  static final String APP = "app-4242";

  static final String SECRET = "secret-4242";

  /** The path of an OpenID Connect issuer that answers HTTP 500 to everything. */
  static final String FAILING_ISSUER_PATH = "/failing-issuer";

  private final int port;
  private final Map<String, String> verifiers = new ConcurrentHashMap<>();

  private static ProviderStandIns instance;

  private final Map<String, OkStandIn.User> codes = new ConcurrentHashMap<>();
  private final Map<String, OkStandIn.User> tokens = new ConcurrentHashMap<>();
  private final Map<String, String> codeRedirects = new ConcurrentHashMap<>();
  private final AtomicReference<OkStandIn.User> next = new AtomicReference<>();
  final Map<String, Map<String, String>> last = new ConcurrentHashMap<>();
  private final Map<String, String> codeScopes = new ConcurrentHashMap<>();
  private final Map<String, String> tokenScopes = new ConcurrentHashMap<>();
  private final Map<String, java.util.List<OkStandIn.User>> friends = new ConcurrentHashMap<>();

  /** The posts X's POST /2/tweets created: the user's uid, the text and the post's id. */
  final java.util.List<String[]> xPosts = new java.util.concurrent.CopyOnWriteArrayList<>();

  private final Map<String, java.util.List<OkStandIn.User>> xFollowing = new ConcurrentHashMap<>();
  private final Map<String, java.util.List<OkStandIn.User>> xFollowers = new ConcurrentHashMap<>();
  private final AtomicReference<String> declineNext = new AtomicReference<>();

  /** The statuses VK's status.set received: the user's uid and the text. */
  final java.util.List<String[]> vkStatuses = new java.util.concurrent.CopyOnWriteArrayList<>();

  static synchronized ProviderStandIns get() {
    if (instance == null) {
      instance = new ProviderStandIns(Integer.getInteger("junction.other.port", 19092));
    }
    return instance;
  }

  private ProviderStandIns(int port) {
    this.port = port;
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
      server.createContext("/vk/authorize", x -> authorize(x, VK_APP));
      server.createContext("/fb/dialog/oauth", x -> authorize(x, FB_APP));
      server.createContext("/vk/access_token", x -> token(x, VK_APP, VK_SECRET, true));
      server.createContext("/fb/oauth/access_token", x -> token(x, FB_APP, FB_SECRET, false));
      server.createContext("/vk/method/users.get", this::vkUsers);
      server.createContext("/fb/me", this::fbMe);
      server.createContext("/vk/method/", this::vkMethod);
      server.createContext("/fb/me/friends", this::fbFriends);
      server.createContext("/wechat/connect/qrconnect", x -> authorize(x, WECHAT_APP));
      server.createContext("/wechat/sns/oauth2/access_token", this::wechatToken);
      server.createContext("/wechat/sns/userinfo", this::wechatUser);
      server.createContext("/sina/oauth2/authorize", x -> authorize(x, SINA_APP));
      server.createContext("/sina/oauth2/access_token", this::sinaToken);
      server.createContext("/sina/2/users/show.json", this::sinaUser);
      for (String p :
          new String[] {
            "/twitter/authorize",
            "/instagram/authorize",
            "/renren/authorize",
            "/mixi/authorize",
            "/qq/authorize"
          }) {
        server.createContext(p, x -> authorize(x, APP));
      }
      server.createContext("/twitter/token", this::twitterToken);
      server.createContext(
          "/twitter/users/me",
          x ->
              bearer(
                  x,
                  u ->
                      "{\"data\":{\"id\":\""
                          + u.uid()
                          + "\",\"name\":\""
                          + u.name()
                          + "\",\"username\":\""
                          + u.firstName()
                          + "\",\"profile_image_url\":\"https://pbs.example/p_normal.jpg\"}}"));
      server.createContext("/instagram/token", x -> formToken(x, u -> ",\"user_id\":" + u.uid()));
      server.createContext(
          "/instagram/me",
          x ->
              queryToken(
                  x,
                  u ->
                      "{\"user_id\":\""
                          + u.uid()
                          + "\",\"username\":\""
                          + u.firstName()
                          + "\",\"name\":\""
                          + u.name()
                          + "\"}"));
      server.createContext(
          "/renren/token",
          x ->
              formToken(
                  x,
                  u ->
                      ",\"user\":{\"id\":"
                          + u.uid()
                          + ",\"name\":\""
                          + u.name()
                          + "\",\"avatar\":[{\"type\":\"large\",\"url\":\"http://rr.example/l.jpg\"}]}"));
      server.createContext("/mixi/token", x -> formToken(x, u -> ""));
      server.createContext(
          "/mixi/people",
          x ->
              bearer(
                  x,
                  u ->
                      "{\"entry\":{\"id\":\""
                          + u.uid()
                          + "\",\"displayName\":\""
                          + u.name()
                          + "\",\"thumbnailUrl\":\"https://mixi.example/t.jpg\",\"profileUrl\":\"https://mixi.example/"
                          + u.uid()
                          + "\"}}"));
      server.createContext("/qq/token", this::qqToken);
      server.createContext(
          "/qq/me",
          x ->
              queryToken(
                  x, u -> "{\"client_id\":\"" + APP + "\",\"openid\":\"openid-" + u.uid() + "\"}"));
      server.createContext("/qq/get_user_info", this::qqUser);
      server.createContext("/twitter/2/tweets", this::xPost);
      server.createContext("/twitter/2/users/", this::xFollows);
      SocialApiStandIns.register(server, port);
      // An OpenID Connect issuer that is down: every request, its discovery document included,
      // answers HTTP 500.
      server.createContext(
          FAILING_ISSUER_PATH, x -> send(x, 500, "text/plain", "issuer unavailable"));
      server.start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The issuer URL of the OpenID Connect issuer that answers HTTP 500. */
  String failingIssuer() {
    return "http://localhost:" + port + FAILING_ISSUER_PATH;
  }

  void consentAs(OkStandIn.User user) {
    next.set(user);
  }

  /** The friends a user has at VK and Facebook. */
  void friendsOf(OkStandIn.User user, java.util.List<OkStandIn.User> list) {
    friends.put(user.uid(), java.util.List.copyOf(list));
  }

  /** The next authorization grants all the scopes asked for but this one. */
  void declineNext(String scope) {
    declineNext.set(scope);
  }

  /** Whom a user follows at X, and who follows the user. */
  void xFollows(
      OkStandIn.User user,
      java.util.List<OkStandIn.User> following,
      java.util.List<OkStandIn.User> followers) {
    xFollowing.put(user.uid(), java.util.List.copyOf(following));
    xFollowers.put(user.uid(), java.util.List.copyOf(followers));
  }

  private boolean granted(String token, String scope) {
    return java.util.Arrays.asList(String.valueOf(tokenScopes.get(token)).split("[, ]"))
        .contains(scope);
  }

  /**
   * VK API methods of the social graph: friends.get (rights: friends), status.set (status), each
   * with the token and v, errors with HTTP 200 as VK answers them.
   */
  private void vkMethod(HttpExchange x) throws IOException {
    Map<String, String> q = query(x.getRequestURI().getRawQuery());
    String method = x.getRequestURI().getPath().substring("/vk/method/".length());
    last.put("/vk/method/" + method, q);
    String token = String.valueOf(q.get("access_token"));
    OkStandIn.User user = tokens.get(token);
    if (user == null || q.get("v") == null) {
      send(
          x,
          200,
          "application/json",
          "{\"error\":{\"error_code\":5,\"error_msg\":\"User authorization failed: invalid access_token (4).\"}}");
      return;
    }
    String right =
        switch (method) {
          case "friends.get" -> "friends";
          case "status.set" -> "status";
          default -> null;
        };
    if (right == null) {
      send(
          x,
          200,
          "application/json",
          "{\"error\":{\"error_code\":3,\"error_msg\":\"Unknown method passed\"}}");
      return;
    }
    if (!granted(token, right)) {
      send(
          x,
          200,
          "application/json",
          "{\"error\":{\"error_code\":15,\"error_msg\":\"Access denied: no access to call this method\"}}");
      return;
    }
    if (method.equals("status.set")) {
      vkStatuses.add(new String[] {user.uid(), q.get("text")});
      send(x, 200, "application/json", "{\"response\":1}");
      return;
    }
    StringBuilder items = new StringBuilder();
    for (OkStandIn.User f : friends.getOrDefault(user.uid(), java.util.List.of())) {
      items
          .append(items.length() > 0 ? "," : "")
          .append("{\"id\":")
          .append(f.uid())
          .append(",\"first_name\":\"")
          .append(f.firstName())
          .append("\",\"last_name\":\"")
          .append(f.lastName())
          .append("\",\"sex\":1}");
    }
    send(
        x,
        200,
        "application/json;charset=utf-8",
        "{\"response\":{\"count\":"
            + friends.getOrDefault(user.uid(), java.util.List.of()).size()
            + ",\"items\":["
            + items
            + "]}}");
  }

  /** Graph /me/friends with appsecret_proof; user_friends needed. */
  private void fbFriends(HttpExchange x) throws IOException {
    Map<String, String> q = query(x.getRequestURI().getRawQuery());
    last.put("/fb/me/friends", q);
    String token = String.valueOf(q.get("access_token"));
    OkStandIn.User user = tokens.get(token);
    if (user == null || !proof(token).equals(q.get("appsecret_proof"))) {
      send(
          x,
          400,
          "application/json",
          "{\"error\":{\"message\":\"Invalid appsecret_proof provided in the API argument\",\"type\":\"GraphMethodException\",\"code\":100}}");
      return;
    }
    if (!granted(token, "user_friends")) {
      send(
          x,
          403,
          "application/json",
          "{\"error\":{\"message\":\"(#200) Requires user_friends permission\",\"type\":\"OAuthException\",\"code\":200}}");
      return;
    }
    StringBuilder data = new StringBuilder();
    for (OkStandIn.User f : friends.getOrDefault(user.uid(), java.util.List.of())) {
      data.append(data.length() > 0 ? "," : "")
          .append("{\"id\":\"")
          .append(f.uid())
          .append("\",\"name\":\"")
          .append(f.name())
          .append("\"}");
    }
    send(
        x,
        200,
        "application/json;charset=utf-8",
        "{\"data\":[" + data + "],\"summary\":{\"total_count\":" + data.length() + "}}");
  }

  /** The user of an X Bearer token, or null after answering 401 as X does. */
  private OkStandIn.User xUser(HttpExchange x) throws IOException {
    String auth = String.valueOf(x.getRequestHeaders().getFirst("Authorization"));
    OkStandIn.User user = auth.startsWith("Bearer ") ? tokens.get(auth.substring(7)) : null;
    if (user == null) {
      send(
          x,
          401,
          "application/problem+json",
          "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}");
    }
    return user;
  }

  /** Whether the X token holds every scope, else answers 403 as X does. */
  private boolean xScopes(HttpExchange x, String... scopes) throws IOException {
    String token = x.getRequestHeaders().getFirst("Authorization").substring(7);
    for (String scope : scopes) {
      if (!granted(token, scope)) {
        send(
            x,
            403,
            "application/problem+json",
            "{\"title\":\"Forbidden\",\"type\":\"about:blank\",\"status\":403,\"detail\":\"Forbidden\"}");
        return false;
      }
    }
    return true;
  }

  /**
   * X's POST /2/tweets: a JSON body {"text": ...} of at most 280 characters, with tweet.read,
   * tweet.write and users.read; a duplicate of the user's last post is refused (403).
   */
  private void xPost(HttpExchange x) throws IOException {
    byte[] raw = x.getRequestBody().readAllBytes();
    if (!"POST".equals(x.getRequestMethod())) {
      send(x, 405, "text/plain", "");
      return;
    }
    OkStandIn.User user = xUser(x);
    if (user == null || !xScopes(x, "tweet.read", "tweet.write", "users.read")) {
      return;
    }
    String type = String.valueOf(x.getRequestHeaders().getFirst("Content-Type"));
    jakarta.json.JsonObject body = null;
    try {
      body =
          jakarta.json.Json.createReader(
                  new java.io.StringReader(new String(raw, StandardCharsets.UTF_8)))
              .readObject();
    } catch (RuntimeException e) {
      // not JSON: refused below
    }
    String text =
        body != null && body.get("text") instanceof jakarta.json.JsonString t
            ? t.getString()
            : null;
    if (!type.startsWith("application/json")
        || text == null
        || text.isBlank()
        || text.codePointCount(0, text.length()) > 280
        || body.size() != 1) {
      send(
          x,
          400,
          "application/problem+json",
          "{\"errors\":[{\"message\":\"$.text: invalid\"}],\"title\":\"Invalid Request\","
              + "\"detail\":\"One or more parameters to your request was invalid.\","
              + "\"type\":\"https://api.twitter.com/2/problems/invalid-request\"}");
      return;
    }
    for (String[] p : xPosts) {
      if (p[0].equals(user.uid()) && p[1].equals(text)) {
        send(
            x,
            403,
            "application/problem+json",
            "{\"detail\":\"You are not allowed to create a Tweet with duplicate content.\","
                + "\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403}");
        return;
      }
    }
    String id = String.valueOf(1_800_000_000_000_000_000L + xPosts.size());
    xPosts.add(new String[] {user.uid(), text, id});
    send(
        x,
        201,
        "application/json; charset=utf-8",
        jakarta.json.Json.createObjectBuilder()
            .add(
                "data",
                jakarta.json.Json.createObjectBuilder()
                    .add("id", id)
                    .add("edit_history_tweet_ids", jakarta.json.Json.createArrayBuilder().add(id))
                    .add("text", text))
            .build()
            .toString());
  }

  /**
   * X's GET /2/users/:id/following and /followers (tweet.read, users.read, follows.read), two users
   * a page with meta.next_token, as X pages (max_results 1 to 1000).
   */
  private void xFollows(HttpExchange x) throws IOException {
    String[] path = x.getRequestURI().getPath().substring("/twitter/2/users/".length()).split("/");
    Map<String, String> q = query(x.getRequestURI().getRawQuery());
    last.put("/twitter/2/users", q);
    OkStandIn.User user = xUser(x);
    if (user == null || !xScopes(x, "tweet.read", "users.read", "follows.read")) {
      return;
    }
    int max;
    try {
      max = Integer.parseInt(String.valueOf(q.get("max_results")));
    } catch (NumberFormatException e) {
      max = 100;
    }
    if (!"GET".equals(x.getRequestMethod())
        || path.length != 2
        || !path[0].equals(user.uid())
        || !(path[1].equals("following") || path[1].equals("followers"))
        || max < 1
        || max > 1000) {
      send(
          x,
          400,
          "application/problem+json",
          "{\"title\":\"Invalid Request\",\"detail\":\"One or more parameters to your request"
              + " was invalid.\",\"type\":\"https://api.twitter.com/2/problems/invalid-request\"}");
      return;
    }
    java.util.List<OkStandIn.User> all =
        (path[1].equals("following") ? xFollowing : xFollowers)
            .getOrDefault(user.uid(), java.util.List.of());
    int from = q.get("pagination_token") == null ? 0 : Integer.parseInt(q.get("pagination_token"));
    int to = Math.min(all.size(), from + Math.min(max, 2));
    var data = jakarta.json.Json.createArrayBuilder();
    for (OkStandIn.User u : all.subList(from, to)) {
      data.add(
          jakarta.json.Json.createObjectBuilder()
              .add("id", u.uid())
              .add("name", u.name())
              .add("username", u.firstName().toLowerCase() + u.uid().substring(8)));
    }
    var meta = jakarta.json.Json.createObjectBuilder().add("result_count", to - from);
    if (to < all.size()) {
      meta.add("next_token", String.valueOf(to));
    }
    send(
        x,
        200,
        "application/json; charset=utf-8",
        jakarta.json.Json.createObjectBuilder()
            .add("data", data)
            .add("meta", meta)
            .build()
            .toString());
  }

  private void authorize(HttpExchange x, String app) throws IOException {
    Map<String, String> q = query(x.getRequestURI().getRawQuery());
    last.put(x.getRequestURI().getPath(), q);
    OkStandIn.User user = next.getAndSet(null);
    if (!app.equals(q.containsKey("appid") ? q.get("appid") : q.get("client_id")) || user == null) {
      send(x, 400, "text/plain", "bad authorization request");
      return;
    }
    String code = "code-" + UUID.randomUUID();
    codes.put(code, user);
    String scope = String.valueOf(q.get("scope"));
    String declined = declineNext.getAndSet(null);
    if (declined != null) {
      String separator = scope.contains(",") ? "," : " ";
      scope =
          String.join(
              separator,
              java.util.Arrays.stream(scope.split(separator))
                  .filter(s -> !s.equals(declined))
                  .toList());
    }
    codeScopes.put(code, scope);
    if (q.get("code_challenge") != null) {
      verifiers.put(code, q.get("code_challenge"));
    }
    codeRedirects.put(code, q.get("redirect_uri"));
    x.getResponseHeaders()
        .add(
            "Location",
            q.get("redirect_uri") + "?code=" + enc(code) + "&state=" + enc(q.get("state")));
    send(x, 302, "text/plain", "");
  }

  private void token(HttpExchange x, String app, String secret, boolean vk) throws IOException {
    Map<String, String> q = query(x.getRequestURI().getRawQuery());
    last.put(x.getRequestURI().getPath(), q);
    String code = String.valueOf(q.get("code"));
    OkStandIn.User user = codes.remove(code);
    if (!"GET".equals(x.getRequestMethod())
        || user == null
        || !app.equals(q.get("client_id"))
        || !secret.equals(q.get("client_secret"))
        || !String.valueOf(codeRedirects.remove(code)).equals(q.get("redirect_uri"))) {
      send(
          x,
          400,
          "application/json",
          vk
              ? "{\"error\":\"invalid_grant\",\"error_description\":\"Code is invalid or expired.\"}"
              : "{\"error\":{\"message\":\"Invalid verification code format.\",\"type\":\"OAuthException\",\"code\":100}}");
      return;
    }
    String token = (vk ? "vk1.a." : "EAAB") + UUID.randomUUID();
    tokens.put(token, user);
    tokenScopes.put(token, String.valueOf(codeScopes.remove(code)));
    send(
        x,
        200,
        "application/json",
        vk
            ? "{\"access_token\":\""
                + token
                + "\",\"expires_in\":86400,\"user_id\":"
                + user.uid()
                + ",\"email\":\""
                + user.email()
                + "\"}"
            : "{\"access_token\":\""
                + token
                + "\",\"token_type\":\"bearer\",\"expires_in\":5183944}");
  }

  private void vkUsers(HttpExchange x) throws IOException {
    Map<String, String> q = query(x.getRequestURI().getRawQuery());
    last.put("/vk/method/users.get", q);
    OkStandIn.User user = tokens.get(String.valueOf(q.get("access_token")));
    if (user == null || q.get("v") == null) {
      send(
          x,
          200,
          "application/json",
          "{\"error\":{\"error_code\":5,\"error_msg\":\"User authorization failed: invalid access_token (4).\"}}");
      return;
    }
    send(
        x,
        200,
        "application/json;charset=utf-8",
        "{\"response\":[{\"id\":"
            + user.uid()
            + ",\"first_name\":\""
            + user.firstName()
            + "\",\"last_name\":\""
            + user.lastName()
            + "\",\"screen_name\":\"id"
            + user.uid()
            + "\",\"sex\":2,\"bdate\":\"3.4.1991\","
            + "\"photo_50\":\"https://vk.example/50.jpg\",\"photo_200\":\"https://vk.example/200.jpg\"}]}");
  }

  private void fbMe(HttpExchange x) throws IOException {
    Map<String, String> q = query(x.getRequestURI().getRawQuery());
    last.put("/fb/me", q);
    String token = String.valueOf(q.get("access_token"));
    OkStandIn.User user = tokens.get(token);
    if (user == null || !proof(token).equals(q.get("appsecret_proof"))) {
      send(
          x,
          400,
          "application/json",
          "{\"error\":{\"message\":\"Invalid appsecret_proof provided in the API argument\",\"type\":\"GraphMethodException\",\"code\":100}}");
      return;
    }
    send(
        x,
        200,
        "application/json;charset=utf-8",
        "{\"id\":\""
            + user.uid()
            + "\",\"name\":\""
            + user.name()
            + "\",\"first_name\":\""
            + user.firstName()
            + "\",\"last_name\":\""
            + user.lastName()
            + "\",\"email\":\""
            + user.email()
            + "\",\"picture\":{\"data\":{\"url\":\"https://fb.example/p.jpg\"}},\"locale\":\"en_US\"}");
  }

  private void wechatToken(HttpExchange x) throws IOException {
    Map<String, String> q = query(x.getRequestURI().getRawQuery());
    last.put("/wechat/sns/oauth2/access_token", q);
    OkStandIn.User user = codes.remove(String.valueOf(q.get("code")));
    if (user == null
        || !WECHAT_APP.equals(q.get("appid"))
        || !WECHAT_SECRET.equals(q.get("secret"))
        || !"authorization_code".equals(q.get("grant_type"))) {
      send(x, 200, "application/json", "{\"errcode\":40029,\"errmsg\":\"invalid code\"}");
      return;
    }
    issue(
        x,
        "wx-",
        user,
        "application/json",
        token ->
            "{\"access_token\":\""
                + token
                + "\",\"expires_in\":7200,\"refresh_token\":\"r-"
                + token
                + "\",\"openid\":\"openid-"
                + user.uid()
                + "\",\"scope\":\"snsapi_login\",\"unionid\":\"union-"
                + user.uid()
                + "\"}");
  }

  private void wechatUser(HttpExchange x) throws IOException {
    Map<String, String> q = query(x.getRequestURI().getRawQuery());
    OkStandIn.User user = tokens.get(String.valueOf(q.get("access_token")));
    if (user == null || !("openid-" + user.uid()).equals(q.get("openid"))) {
      send(x, 200, "application/json", "{\"errcode\":40003,\"errmsg\":\"invalid openid\"}");
      return;
    }
    send(
        x,
        200,
        "application/json;charset=utf-8",
        "{\"openid\":\"openid-"
            + user.uid()
            + "\",\"nickname\":\""
            + user.name()
            + "\",\"sex\":2,\"headimgurl\":\"https://wx.example/h.jpg\",\"unionid\":\"union-"
            + user.uid()
            + "\"}");
  }

  private void sinaToken(HttpExchange x) throws IOException {
    Map<String, String> f =
        query(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    last.put("/sina/oauth2/access_token", f);
    String code = String.valueOf(f.get("code"));
    OkStandIn.User user = codes.remove(code);
    if (!"POST".equals(x.getRequestMethod())
        || user == null
        || !SINA_APP.equals(f.get("client_id"))
        || !SINA_SECRET.equals(f.get("client_secret"))
        || !String.valueOf(codeRedirects.remove(code)).equals(f.get("redirect_uri"))) {
      send(
          x,
          400,
          "application/json",
          "{\"error\":\"invalid_grant\",\"error_code\":21325,\"error_description\":\"invalid authorization code\"}");
      return;
    }
    issue(
        x,
        "2.00",
        user,
        "application/json",
        token ->
            "{\"access_token\":\""
                + token
                + "\",\"expires_in\":157679999,\"uid\":\""
                + user.uid()
                + "\"}");
  }

  private void sinaUser(HttpExchange x) throws IOException {
    Map<String, String> q = query(x.getRequestURI().getRawQuery());
    OkStandIn.User user = tokens.get(String.valueOf(q.get("access_token")));
    if (user == null || !user.uid().equals(q.get("uid"))) {
      send(x, 200, "application/json", "{\"error\":\"expired_token\",\"error_code\":21327}");
      return;
    }
    send(
        x,
        200,
        "application/json;charset=utf-8",
        "{\"id\":"
            + user.uid()
            + ",\"idstr\":\""
            + user.uid()
            + "\",\"screen_name\":\""
            + user.firstName()
            + "\",\"gender\":\"f\",\"avatar_large\":\"https://sina.example/l.jpg\",\"lang\":\"zh-cn\"}");
  }

  /** A token endpoint taking a form with client_id and client_secret, as OAuth 2.0 says. */
  private void formToken(HttpExchange x, java.util.function.Function<OkStandIn.User, String> extra)
      throws IOException {
    Map<String, String> f =
        query(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    last.put(x.getRequestURI().getPath(), f);
    String code = String.valueOf(f.get("code"));
    OkStandIn.User user = codes.remove(code);
    if (!"POST".equals(x.getRequestMethod())
        || user == null
        || !APP.equals(f.get("client_id"))
        || !SECRET.equals(f.get("client_secret"))
        || !"authorization_code".equals(f.get("grant_type"))
        || !String.valueOf(codeRedirects.remove(code)).equals(f.get("redirect_uri"))) {
      send(x, 400, "application/json", "{\"error\":\"invalid_grant\"}");
      return;
    }
    issue(
        x,
        "tok-",
        user,
        "application/json",
        token ->
            "{\"access_token\":\""
                + token
                + "\",\"token_type\":\"bearer\",\"expires_in\":3600"
                + extra.apply(user)
                + "}");
  }

  /** Twitter: the client in HTTP Basic, and the PKCE verifier of the challenge. */
  private void twitterToken(HttpExchange x) throws IOException {
    Map<String, String> f =
        query(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    last.put("/twitter/token", f);
    String code = String.valueOf(f.get("code"));
    OkStandIn.User user = codes.remove(code);
    String basic =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString((APP + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
    String challenge = verifiers.remove(code);
    String verifier = f.get("code_verifier");
    if (user == null
        || !basic.equals(x.getRequestHeaders().getFirst("Authorization"))
        || f.containsKey("client_secret")
        || challenge == null
        || verifier == null
        || !challenge.equals(s256(verifier))) {
      send(
          x,
          400,
          "application/json",
          "{\"error\":\"invalid_request\",\"error_description\":\"Value passed for the authorization code was invalid.\"}");
      return;
    }
    // X answers the scopes the user granted, space-separated.
    String granted = String.valueOf(codeScopes.remove(code));
    issue(
        x,
        "tw-",
        user,
        "application/json",
        token -> {
          tokenScopes.put(token, granted);
          return "{\"token_type\":\"bearer\",\"expires_in\":7200,\"access_token\":\""
              + token
              + "\",\"scope\":\""
              + granted
              + "\"}";
        });
  }

  private void qqToken(HttpExchange x) throws IOException {
    Map<String, String> q = query(x.getRequestURI().getRawQuery());
    last.put("/qq/token", q);
    OkStandIn.User user = codes.remove(String.valueOf(q.get("code")));
    if (user == null || !APP.equals(q.get("client_id")) || !SECRET.equals(q.get("client_secret"))) {
      send(
          x,
          200,
          "text/plain",
          "callback( {\"error\":100019,\"error_description\":\"code to access token error\"} );");
      return;
    }
    issue(
        x,
        "qq-",
        user,
        "text/plain",
        token -> "access_token=" + token + "&expires_in=7776000&refresh_token=r-" + token);
  }

  private void qqUser(HttpExchange x) throws IOException {
    Map<String, String> q = query(x.getRequestURI().getRawQuery());
    OkStandIn.User user = tokens.get(String.valueOf(q.get("access_token")));
    if (user == null
        || !APP.equals(q.get("oauth_consumer_key"))
        || !("openid-" + user.uid()).equals(q.get("openid"))) {
      send(
          x,
          200,
          "application/json",
          "{\"ret\":-1,\"msg\":\"client request's parameters are invalid, invalid openid\"}");
      return;
    }
    send(
        x,
        200,
        "application/json;charset=utf-8",
        "{\"ret\":0,\"msg\":\"\",\"nickname\":\""
            + user.firstName()
            + "\",\"gender\":\"女\",\"figureurl_qq_2\":\"http://qq.example/100\"}");
  }

  private void bearer(HttpExchange x, java.util.function.Function<OkStandIn.User, String> body)
      throws IOException {
    String auth = String.valueOf(x.getRequestHeaders().getFirst("Authorization"));
    OkStandIn.User user = auth.startsWith("Bearer ") ? tokens.get(auth.substring(7)) : null;
    if (user == null) {
      send(
          x,
          401,
          "application/json",
          "{\"title\":\"Unauthorized\",\"detail\":\"Unauthorized\",\"status\":401}");
      return;
    }
    send(x, 200, "application/json;charset=utf-8", body.apply(user));
  }

  private void queryToken(HttpExchange x, java.util.function.Function<OkStandIn.User, String> body)
      throws IOException {
    OkStandIn.User user =
        tokens.get(String.valueOf(query(x.getRequestURI().getRawQuery()).get("access_token")));
    if (user == null) {
      send(
          x,
          400,
          "application/json",
          "{\"error\":{\"message\":\"Invalid OAuth access token\",\"code\":190}}");
      return;
    }
    send(x, 200, "application/json;charset=utf-8", body.apply(user));
  }

  private static String s256(String verifier) {
    try {
      return java.util.Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Issues an access token of the user and answers the token endpoint's 200 with it. */
  private void issue(
      HttpExchange x,
      String prefix,
      OkStandIn.User user,
      String type,
      java.util.function.Function<String, String> body)
      throws IOException {
    String token = prefix + UUID.randomUUID();
    tokens.put(token, user);
    send(x, 200, type, body.apply(token));
  }

  private static String proof(String token) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(FB_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      StringBuilder hex = new StringBuilder();
      for (byte b : mac.doFinal(token.getBytes(StandardCharsets.UTF_8))) {
        hex.append(String.format("%02x", b));
      }
      return hex.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
