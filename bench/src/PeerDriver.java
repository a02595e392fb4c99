import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * One driver for both products of the peer benchmark: each login is a new browser that follows
 * every redirect (the product's authorization endpoint, the upstream provider's login form, the
 * product's callback) until the site's redirect_uri, and the site's server then exchanges the code
 * over a kept-alive connection of its own.
 *
 * <p>Run (Java 21 or later; bench/peer/run compiles it once): java bench/src/PeerDriver.java PRODUCT CONNECTIONS BASE CLIENT_ID
 * CLIENT_SECRET START_PATH CLIENTS LOGINS USERS SERVER_PID [USER_PREFIX]
 *
 * <ul>
 *   <li>PRODUCT: junction (code exchanged at /socialize.getToken) or keycloak (at the realm's token
 *       endpoint, START_PATH's realm);
 *   <li>CONNECTIONS: browser (a browser per login, one kept connection per host, as browsers do)
 *       or fresh (a new connection for every request of the browser);
 *   <li>START_PATH: the login URL's path and query without redirect_uri, which the driver adds;
 *   <li>USERS: the pool of upstream users (user-0 ... user-N-1); logins take them in turn.
 * </ul>
 *
 * <p>Prints one line of key=value: logins, logins_per_s, p50_ms, p99_ms,
 * server_cpu_ms_per_login (user + system time of SERVER_PID over the run, /proc/PID/stat),
 * rss_max_mb (sampled every 0.5 s) and failures.
 */
public class PeerDriver {

  static final String REDIRECT = "https://shop.example.com/cb";

  public static void main(String[] a) throws Exception {
    String product = a[0];
    boolean fresh = a[1].equals("fresh");
    String base = a[2], clientId = a[3], clientSecret = a[4], startPath = a[5];
    int clients = Integer.parseInt(a[6]);
    int logins = Integer.parseInt(a[7]);
    int users = Integer.parseInt(a[8]);
    long pid = Long.parseLong(a[9]);
    String prefix = a.length > 10 ? a[10] : "user-";
    String start = base + startPath + (startPath.contains("?") ? "&" : "?") + "redirect_uri=" + enc(REDIRECT);
    String tokenUrl =
        product.equals("keycloak")
            ? base + startPath.substring(0, startPath.indexOf("/protocol/")) + "/protocol/openid-connect/token"
            : base + "/socialize.getToken";

    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    AtomicReference<String> firstFailure = new AtomicReference<>();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicLong rssMax = new AtomicLong();
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        rssMax.accumulateAndGet(rssKb(pid), Math::max);
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.setDaemon(true);
    sampler.start();

    long cpu0 = cpuTicks(pid);
    long t0 = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Thread t = new Thread(() -> {
        HttpClient site = client(null);
        int n;
        while ((n = next.getAndIncrement()) < logins) {
          String user = prefix + (n % users);
          long s = System.nanoTime();
          try {
            String code = browse(start, user, fresh);
            exchange(site, product, tokenUrl, clientId, clientSecret, code);
            latencies.add(System.nanoTime() - s);
          } catch (Exception e) {
            failures.incrementAndGet();
            firstFailure.compareAndSet(null, e.toString());
          }
        }
        site.close();
      });
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    double elapsed = (System.nanoTime() - t0) / 1e9;
    long cpu1 = cpuTicks(pid);
    sampler.interrupt();
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    int done = Math.max(1, sorted.size());
    System.out.printf(
        "logins=%d logins_per_s=%.1f p50_ms=%.1f p99_ms=%.1f server_cpu_ms_per_login=%.2f rss_max_mb=%d failures=%d%n",
        sorted.size(),
        sorted.size() / elapsed,
        sorted.isEmpty() ? 0 : sorted.get(done / 2) / 1e6,
        sorted.isEmpty() ? 0 : sorted.get(Math.min(done - 1, (int) (done * 0.99))) / 1e6,
        (cpu1 - cpu0) * 10.0 / done, // CLK_TCK = 100
        rssMax.get() / 1024,
        failures.get());
    if (firstFailure.get() != null) {
      System.err.println("first failure: " + firstFailure.get());
    }
  }

  /** A browser's login: follows redirects, signs in at the upstream's form; returns the code. */
  static String browse(String start, String user, boolean fresh) throws Exception {
    CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    HttpClient browser = fresh ? null : client(cookies);
    try {
      String url = start;
      String form = null;
      for (int hop = 0; hop < 12; hop++) {
        HttpRequest.Builder request =
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("X-Bench-User", user);
        if (form != null) {
          request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        }
        HttpClient c = fresh ? client(cookies) : browser;
        HttpResponse<String> r;
        try {
          r = c.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } finally {
          if (fresh) {
            c.close();
          }
        }
        form = null;
        int status = r.statusCode();
        if (status >= 300 && status < 400) {
          url = URI.create(url).resolve(r.headers().firstValue("Location").orElseThrow()).toString();
          if (url.startsWith(REDIRECT)) {
            return code(url);
          }
        } else if (status == 200 && r.body().contains("name=\"username\"")) {
          // The upstream provider's sign-in form: this browser's user, with the claims both products map.
          form = "username=" + enc(user) + "&claims=" + enc("{\"email\":\"" + user + "@example.com\",\"email_verified\":true,"
              + "\"preferred_username\":\"" + user + "\",\"given_name\":\"Bench\",\"family_name\":\"" + user
              + "\",\"name\":\"Bench " + user + "\"}");
        } else {
          String body = r.body();
          throw new IllegalStateException(status + " at " + url + ": " + body.substring(0, Math.min(300, body.length())));
        }
      }
      throw new IllegalStateException("too many redirects from " + start);
    } finally {
      if (browser != null) {
        browser.close();
      }
    }
  }

  static void exchange(HttpClient site, String product, String tokenUrl, String clientId, String secret, String code)
      throws Exception {
    String body = "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(REDIRECT)
        + "&client_id=" + enc(clientId) + "&client_secret=" + enc(secret);
    HttpResponse<String> r = site.send(HttpRequest.newBuilder(URI.create(tokenUrl)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200 || !r.body().contains("\"access_token\"")) {
      throw new IllegalStateException(product + " token " + r.statusCode() + ": " + r.body());
    }
  }

  static String code(String url) {
    String q = URI.create(url).getRawQuery();
    for (String p : q == null ? new String[0] : q.split("&")) {
      if (p.startsWith("code=")) {
        return URLDecoder.decode(p.substring(5), StandardCharsets.UTF_8);
      }
    }
    throw new IllegalStateException("no code: " + url);
  }

  static long cpuTicks(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
  }

  static long rssKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (Exception e) {
      // the process ended: nothing to sample
    }
    return 0;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static HttpClient client(CookieManager cookies) {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {new X509TrustManager() {
        public void checkClientTrusted(X509Certificate[] c, String t) {}
        public void checkServerTrusted(X509Certificate[] c, String t) {}
        public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
      }}, null);
      SSLParameters p = new SSLParameters();
      p.setEndpointIdentificationAlgorithm(null);
      HttpClient.Builder b = HttpClient.newBuilder().sslContext(ctx).sslParameters(p)
          .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1);
      if (cookies != null) {
        b.cookieHandler(cookies);
      }
      return b.build();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
