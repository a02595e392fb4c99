import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Drives full social logins of linked users against Junction and the bench provider: login ->
 * provider authorize -> callback (code exchange, profile) -> redirect with code -> getToken.
 * Reports logins/s, p50/p99 and the server's CPU ms per login (from /proc/PID/stat).
 * Run: java bench/src/LoginDriver.java BASE API_KEY SECRET CLIENTS SECONDS SERVER_PID
 */
public class LoginDriver {

  public static void main(String[] a) throws Exception {
    String base = a[0], apiKey = a[1], secret = a[2];
    int clients = Integer.parseInt(a[3]);
    int seconds = Integer.parseInt(a[4]);
    long pid = Long.parseLong(a[5]);
    String redirect = "https://shop.example.com/cb";
    String loginUrl = base + "/socialize.login?x_provider=odnoklassniki&client_id=" + enc(apiKey)
        + "&redirect_uri=" + enc(redirect) + "&response_type=code&state=b";

    // Warm-up: one login per client, so that every user is linked before measuring.
    List<HttpClient> browsers = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      HttpClient c = client();
      browsers.add(c);
      login(c, loginUrl, base, apiKey, secret, redirect, "u" + i);
    }
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean stop = new AtomicBoolean();
    long cpu0 = cpuTicks(pid);
    long db0 = databaseTicks();
    long t0 = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      HttpClient c = browsers.get(i);
      String user = "u" + i;
      Thread t = new Thread(() -> {
        while (!stop.get()) {
          long s = System.nanoTime();
          try {
            login(c, loginUrl, base, apiKey, secret, redirect, user);
          } catch (Exception e) {
            throw new RuntimeException(e);
          }
          latencies.add(System.nanoTime() - s);
        }
      });
      t.start();
      threads.add(t);
    }
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    for (Thread t : threads) {
      t.join();
    }
    double elapsed = (System.nanoTime() - t0) / 1e9;
    long cpu1 = cpuTicks(pid);
    long db1 = databaseTicks();
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    int n = sorted.size();
    double cpuMsPerLogin = (cpu1 - cpu0) * 10.0 / n; // CLK_TCK = 100
    System.out.printf("clients=%d logins=%d logins_per_s=%.1f p50_ms=%.1f p99_ms=%.1f server_cpu_ms_per_login=%.2f db_cpu_ms_per_login=%.2f%n",
        clients, n, n / elapsed, sorted.get(n / 2) / 1e6, sorted.get(Math.min(n - 1, (int) (n * 0.99))) / 1e6, cpuMsPerLogin,
        (db1 - db0) * 10.0 / n);
  }

  static void login(HttpClient c, String loginUrl, String base, String apiKey, String secret, String redirect, String user) throws Exception {
    String provider = location(c.send(get(loginUrl).build(), HttpResponse.BodyHandlers.discarding()));
    String callback = location(c.send(get(provider).header("X-Bench-User", user).build(), HttpResponse.BodyHandlers.discarding()));
    String site = location(c.send(get(callback).build(), HttpResponse.BodyHandlers.discarding()));
    int at = site.indexOf("code=");
    if (at < 0) {
      throw new IllegalStateException("no code: " + site);
    }
    String code = java.net.URLDecoder.decode(site.substring(at + 5, site.indexOf('&', at) < 0 ? site.length() : site.indexOf('&', at)), StandardCharsets.UTF_8);
    HttpResponse<String> token = c.send(HttpRequest.newBuilder(URI.create(base + "/socialize.getToken"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(redirect)
            + "&client_id=" + enc(apiKey) + "&client_secret=" + enc(secret))).build(), HttpResponse.BodyHandlers.ofString());
    if (!token.body().contains("\"access_token\"")) {
      throw new IllegalStateException("no token: " + token.body());
    }
  }

  static HttpRequest.Builder get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
  }

  static String location(HttpResponse<?> r) {
    if (r.statusCode() != 302) {
      throw new IllegalStateException("expected 302, got " + r.statusCode() + " for " + r.uri());
    }
    return r.headers().firstValue("Location").orElseThrow();
  }

  /**
   * The CPU ticks of every PostgreSQL process on the machine (its backends, which hold the server's
   * pooled connections for the whole run, and its writers): 0 without PostgreSQL.
   */
  static long databaseTicks() {
    long ticks = 0;
    java.io.File[] all = new java.io.File("/proc").listFiles((d, name) -> name.matches("\\d+"));
    for (java.io.File p : all == null ? new java.io.File[0] : all) {
      try {
        String stat = Files.readString(p.toPath().resolve("stat"));
        if (stat.contains("(postgres)")) {
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
        }
      } catch (Exception gone) {
        // the process ended meanwhile
      }
    }
    return ticks;
  }

  static long cpuTicks(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static HttpClient client() throws Exception {
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, new TrustManager[] {new X509TrustManager() {
      public void checkClientTrusted(X509Certificate[] c, String t) {}
      public void checkServerTrusted(X509Certificate[] c, String t) {}
      public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    }}, null);
    SSLParameters p = new SSLParameters();
    p.setEndpointIdentificationAlgorithm(null);
    return HttpClient.newBuilder().sslContext(ctx).sslParameters(p).cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
  }
}
