import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * The benchmark's Odnoklassniki stand-in: answers like ok.ru with no think time. The "user" who
 * consents is named by the driver in the X-Bench-User header. Checks the sig like ok.ru.
 * Run: java bench/src/BenchProvider.java PORT APP_ID PUBLIC_KEY SECRET_KEY
 */
public class BenchProvider {

  static final Map<String, String> CODES = new ConcurrentHashMap<>();
  static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
  static String appId, publicKey, secretKey;

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    appId = args[1];
    publicKey = args[2];
    secretKey = args[3];
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/oauth/authorize", BenchProvider::authorize);
    server.createContext("/oauth/token.do", BenchProvider::token);
    server.createContext("/fb.do", BenchProvider::api);
    server.start();
    System.out.println("bench provider on " + port);
  }

  static void authorize(HttpExchange x) throws IOException {
    Map<String, String> q = query(x.getRequestURI().getRawQuery());
    String user = x.getRequestHeaders().getFirst("X-Bench-User");
    String code = UUID.randomUUID().toString();
    CODES.put(code, user == null ? "1" : user);
    x.getResponseHeaders().add("Location", q.get("redirect_uri") + "?code=" + code + "&state=" + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
    send(x, 302, "");
  }

  static void token(HttpExchange x) throws IOException {
    Map<String, String> f = query(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String user = CODES.remove(String.valueOf(f.get("code")));
    if (user == null || !appId.equals(f.get("client_id")) || !secretKey.equals(f.get("client_secret"))) {
      send(x, 400, "{\"error\":\"invalid_grant\"}");
      return;
    }
    String token = UUID.randomUUID().toString();
    TOKENS.put(token, user);
    send(x, 200, "{\"access_token\":\"" + token + "\",\"refresh_token\":\"r" + token + "\",\"expires_in\":\"1800\"}");
  }

  static void api(HttpExchange x) throws IOException {
    Map<String, String> p = query(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String user = TOKENS.remove(String.valueOf(p.get("access_token")));
    StringBuilder base = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(p).entrySet()) {
      if (!List.of("access_token", "sig").contains(e.getKey())) {
        base.append(e.getKey()).append('=').append(e.getValue());
      }
    }
    if (user == null || !publicKey.equals(p.get("application_key"))
        || !md5(base + md5(p.get("access_token") + secretKey)).equals(p.get("sig"))) {
      send(x, 200, "{\"error_code\":104,\"error_msg\":\"PARAM_SIGNATURE : Invalid signature\"}");
      return;
    }
    send(x, 200, "{\"uid\":\"57000" + user + "\",\"first_name\":\"Bench\",\"last_name\":\"User" + user
        + "\",\"name\":\"Bench User" + user + "\",\"gender\":\"male\",\"locale\":\"ru\",\"pic_1\":\"https://i.example/1.jpg\"}");
  }

  static String md5(String s) {
    try {
      return String.format("%032x", new BigInteger(1, MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8))));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }

  static void send(HttpExchange x, int status, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
    if (b.length > 0) {
      try (OutputStream o = x.getResponseBody()) {
        o.write(b);
      }
    }
    x.close();
  }
}
