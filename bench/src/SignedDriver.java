import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Signed socialize.getUserInfo calls as the Java SDK makes them (fresh timestamp, nonce and
 * HMAC-SHA1 sig each), from CLIENTS threads for SECONDS: requests/s, p50, p99.
 * Run: java bench/src/SignedDriver.java BASE API_KEY SECRET UID CLIENTS SECONDS
 */
public class SignedDriver {

  public static void main(String[] a) throws Exception {
    String base = a[0], apiKey = a[1], secret = a[2], uid = a[3];
    int clients = Integer.parseInt(a[4]);
    int seconds = Integer.parseInt(a[5]);
    HttpClient client = client();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong failures = new AtomicLong();
    AtomicLong seq = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < clients; i++) {
      Thread t = new Thread(() -> {
        while (!stop.get()) {
          long s = System.nanoTime();
          try {
            TreeMap<String, String> p = new TreeMap<>();
            p.put("UID", uid);
            p.put("apiKey", apiKey);
            p.put("format", "json");
            p.put("httpStatusCodes", "false");
            p.put("sdk", "java_3.2.4");
            p.put("timestamp", Long.toString(System.currentTimeMillis() / 1000));
            p.put("nonce", System.nanoTime() + "_" + seq.incrementAndGet());
            p.put("sig", sig(secret, base + "/socialize.getUserInfo", p));
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/socialize.getUserInfo"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(p))).build(), HttpResponse.BodyHandlers.ofString());
            if (!r.body().contains("\"errorCode\":0")) {
              failures.incrementAndGet();
            }
          } catch (Exception e) {
            failures.incrementAndGet();
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
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    int n = sorted.size();
    System.out.printf("requests=%d requests_per_s=%.1f p50_ms=%.2f p99_ms=%.2f failures=%d%n",
        n, n / elapsed, sorted.get(n / 2) / 1e6, sorted.get(Math.min(n - 1, (int) (n * 0.99))) / 1e6, failures.get());
  }

  static String sig(String secret, String url, TreeMap<String, String> params) throws Exception {
    StringJoiner q = new StringJoiner("&");
    params.forEach((k, v) -> q.add(k + "=" + enc(v)));
    URI u = URI.create(url);
    String normalized = u.getScheme() + "://" + u.getHost() + (u.getPort() == -1 || u.getPort() == 443 ? "" : ":" + u.getPort()) + u.getRawPath();
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret), "HmacSHA1"));
    return Base64.getEncoder().encodeToString(mac.doFinal(("POST&" + enc(normalized) + "&" + enc(q.toString())).getBytes(StandardCharsets.UTF_8)));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
  }

  static String form(TreeMap<String, String> p) {
    StringJoiner j = new StringJoiner("&");
    p.forEach((k, v) -> j.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return j.toString();
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
    return HttpClient.newBuilder().sslContext(ctx).sslParameters(p).version(HttpClient.Version.HTTP_1_1).build();
  }
}
