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
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A soak: mixed traffic at a steady rate for a long time, with the server's memory and threads after
 * every minute. Each tick starts one operation, in turn: a full social login (login -> provider ->
 * callback -> getToken), getUserInfo with an oauth_token, a signed getUserInfo (HMAC-SHA1, as the
 * Gigya SDKs sign), and an admin read (GET /admin/sites/{apiKey}). Per minute: operations, errors,
 * p50/p99 of all and of logins, the server's RSS, used heap (jcmd GC.heap_info) and threads; at the end,
 * the memory after every minute in detail: RSS split into anonymous and file-backed pages
 * (/proc/PID/status) and, when the server runs with -XX:NativeMemoryTracking=summary, what the JVM
 * itself has committed by category (jcmd VM.native_memory summary).
 * Run: java bench/src/SoakDriver.java BASE API_KEY SECRET ADMIN_PASSWORD SERVER_PID SECONDS RATE
 */
public class SoakDriver {

  record Sample(int minute, String op, long nanos, boolean ok) {}

  static final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
  static final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
  static final AtomicLong seq = new AtomicLong();
  static final List<String> memoryRows = new ArrayList<>();
  /** NMT categories shown in the memory table; the others are summed as "rest". */
  static final List<String> NMT_SHOWN = List.of("Java Heap", "Metaspace", "Class", "Shared class space", "Thread", "Code", "GC",
      "Compiler", "Symbol", "Arena Chunk", "Native Memory Tracking");

  public static void main(String[] a) throws Exception {
    String base = a[0], apiKey = a[1], secret = a[2], adminPw = a[3];
    long pid = Long.parseLong(a[4]);
    int seconds = Integer.parseInt(a[5]);
    double rate = Double.parseDouble(a[6]);
    String redirect = "https://shop.example.com/cb";
    String loginUrl = base + "/socialize.login?x_provider=odnoklassniki&client_id=" + enc(apiKey)
        + "&redirect_uri=" + enc(redirect) + "&response_type=code&state=soak";
    HttpClient api = client(false);
    String token = json(api.send(post(base + "/socialize.getToken", "grant_type=client_credentials&x_siteUID=soak-user&client_id="
        + enc(apiKey) + "&client_secret=" + enc(secret)).build(), HttpResponse.BodyHandlers.ofString()).body(), "access_token");
    String adminAuth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + adminPw).getBytes(StandardCharsets.UTF_8));
    List<HttpClient> browsers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      browsers.add(client(true));
    }

    System.out.println("| minute | operations | errors | p50 ms | p99 ms | login p99 ms | RSS MB | heap used MB | threads |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    ExecutorService workers = Executors.newFixedThreadPool(16);
    long period = (long) (1e9 / rate);
    long t0 = System.nanoTime();
    long next = t0;
    int minuteReported = 0;
    long tick = 0;
    while (System.nanoTime() - t0 < seconds * 1_000_000_000L) {
      long now = System.nanoTime();
      if (now < next) {
        Thread.sleep(Math.max(0, (next - now) / 1_000_000), (int) ((next - now) % 1_000_000));
        continue;
      }
      next += period;
      int minute = (int) ((now - t0) / 60_000_000_000L) + 1;
      if (minute > minuteReported + 1) {
        report(++minuteReported, pid);
      }
      long n = tick++;
      workers.submit(() -> {
        String op = switch ((int) (n % 4)) {
          case 0 -> "login";
          case 1 -> "getUserInfo";
          case 2 -> "signed";
          default -> "admin";
        };
        long s = System.nanoTime();
        boolean ok;
        try {
          ok = switch (op) {
            case "login" -> login(browsers.get((int) (n / 4 % browsers.size())), loginUrl, base, apiKey, secret, redirect, "soak" + (n / 4 % 50));
            case "getUserInfo" -> okBody(api.send(HttpRequest.newBuilder(URI.create(base + "/socialize.getUserInfo?oauth_token=" + enc(token)))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString()).body(), op);
            case "signed" -> okBody(api.send(signed(base, apiKey, secret).build(), HttpResponse.BodyHandlers.ofString()).body(), op);
            default -> {
              HttpResponse<String> r = api.send(HttpRequest.newBuilder(URI.create(base + "/admin/sites/" + apiKey))
                  .header("Authorization", adminAuth).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
              if (r.statusCode() != 200) {
                errorKinds.computeIfAbsent("admin HTTP " + r.statusCode(), k -> new AtomicLong()).incrementAndGet();
              }
              yield r.statusCode() == 200;
            }
          };
        } catch (Exception e) {
          errorKinds.computeIfAbsent(op + " " + e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).replaceAll("code=[^&]*", "code=…"),
              k -> new AtomicLong()).incrementAndGet();
          ok = false;
        }
        samples.add(new Sample(minute, op, System.nanoTime() - s, ok));
      });
    }
    workers.shutdown();
    workers.awaitTermination(2, TimeUnit.MINUTES);
    report(++minuteReported, pid);
    // The rows above are printed as each minute ends: an operation still running then (the server
    // or the machine fell behind) is in no row. Once every operation finished, each minute again,
    // by the minute the operation started in, with all of them.
    System.out.println();
    System.out.println("Once all finished, by the minute each operation started in:");
    System.out.println();
    System.out.println("| minute | operations | errors | p50 ms | p99 ms | login p99 ms |");
    System.out.println("|---|---|---|---|---|---|");
    for (int m = 1; m <= minuteReported; m++) {
      List<Long> all = new ArrayList<>();
      List<Long> logins = new ArrayList<>();
      long failed = 0;
      synchronized (samples) {
        for (Sample x : samples) {
          if (x.minute() == m) {
            all.add(x.nanos());
            if (x.op().equals("login")) {
              logins.add(x.nanos());
            }
            failed += x.ok() ? 0 : 1;
          }
        }
      }
      System.out.printf("| %d | %d | %d | %.0f | %.0f | %.0f |%n", m, all.size(), failed, pct(all, 0.5), pct(all, 0.99), pct(logins, 0.99));
    }
    System.out.println();
    System.out.println("Memory after each minute, MB: the server's RSS, of it anonymous and file-backed pages (/proc/<pid>/status);");
    System.out.println("what the JVM has committed (Native Memory Tracking, jcmd VM.native_memory summary), in all and by category;");
    System.out.println("RSS anon - NMT: anonymous memory the JVM does not account for (the C library's allocator, native code of libraries) minus");
    System.out.println("memory committed but never touched. (Class: the compressed class space; CDS: the shared class archive.)");
    System.out.println();
    System.out.println("| minute | RSS | anon | file | NMT committed | " + String.join(" | ", NMT_SHOWN).replace("Shared class space", "CDS").replace("Native Memory Tracking", "NMT itself")
        + " | rest | RSS anon - NMT |");
    System.out.println("|---" + "|---".repeat(NMT_SHOWN.size() + 6) + "|");
    memoryRows.forEach(System.out::println);
    long errors = samples.stream().filter(x -> !x.ok()).count();
    System.out.println();
    System.out.printf("operations=%d errors=%d rate_per_s=%.1f%n", samples.size(), errors, rate);
    errorKinds.forEach((k, v) -> System.out.println("error: " + v + " x " + k));
  }

  static void report(int minute, long pid) throws Exception {
    List<Long> all = new ArrayList<>();
    List<Long> logins = new ArrayList<>();
    long errors = 0;
    synchronized (samples) {
      for (Sample s : samples) {
        if (s.minute() == minute) {
          all.add(s.nanos());
          if (s.op().equals("login")) {
            logins.add(s.nanos());
          }
          if (!s.ok()) {
            errors++;
          }
        }
      }
    }
    System.out.printf("| %d | %d | %d | %.0f | %.0f | %.0f | %d | %d | %d |%n", minute, all.size(), errors, pct(all, 0.5), pct(all, 0.99),
        pct(logins, 0.99), status(pid, "VmRSS") / 1024, heapUsedMb(pid), status(pid, "Threads"));
    memoryRows.add(memoryRow(Integer.toString(minute), pid));
  }

  /** One row of the memory table, in MB (see main). Without Native Memory Tracking its columns are "-". */
  static String memoryRow(String label, long pid) throws Exception {
    long rss = status(pid, "VmRSS"), anon = status(pid, "RssAnon"), file = status(pid, "RssFile");
    Map<String, Long> nmt = nmtCommittedKb(pid);
    StringBuilder row = new StringBuilder(String.format("| %s | %d | %d | %d |", label, rss / 1024, anon / 1024, file / 1024));
    Long total = nmt.get("Total");
    if (total == null) {
      row.append(" - |".repeat(NMT_SHOWN.size() + 3));
      return row.toString();
    }
    row.append(String.format(" %d |", total / 1024));
    long shown = 0;
    for (String c : NMT_SHOWN) {
      long kb = nmt.getOrDefault(c, 0L);
      shown += kb;
      row.append(String.format(" %.1f |", kb / 1024.0));
    }
    row.append(String.format(" %.1f | %d |", (total - shown) / 1024.0, (anon - total) / 1024));
    return row.toString();
  }

  /** The committed KB by NMT category ("Total" for all), empty if the server does not track its native memory. */
  static Map<String, Long> nmtCommittedKb(long pid) {
    Map<String, Long> kb = new TreeMap<>();
    try {
      Process p = new ProcessBuilder("jcmd", Long.toString(pid), "VM.native_memory", "summary").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(30, TimeUnit.SECONDS);
      java.util.regex.Matcher total = java.util.regex.Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB").matcher(out);
      if (total.find()) {
        kb.put("Total", Long.parseLong(total.group(1)));
      }
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^-\\s+(.+?) \\(reserved=\\d+KB, committed=(\\d+)KB\\)").matcher(out);
      while (m.find()) {
        kb.put(m.group(1).trim(), Long.parseLong(m.group(2)));
      }
    } catch (Exception e) {
      // no figures: the row says "-"
    }
    return kb;
  }

  static double pct(List<Long> xs, double p) {
    if (xs.isEmpty()) {
      return 0;
    }
    List<Long> s = new ArrayList<>(xs);
    Collections.sort(s);
    return s.get(Math.min(s.size() - 1, (int) (s.size() * p))) / 1e6;
  }

  static long status(long pid, String field) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  /** The used heap, as the JVM reports it (jcmd PID GC.heap_info, "used NNNK"), in MB. */
  static long heapUsedMb(long pid) {
    try {
      Process p = new ProcessBuilder("jcmd", Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(30, TimeUnit.SECONDS);
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("total \\d+K, used (\\d+)K").matcher(out);
      return m.find() ? Long.parseLong(m.group(1)) / 1024 : -1;
    } catch (Exception e) {
      return -1;
    }
  }

  static boolean okBody(String body, String op) {
    boolean ok = body.contains("\"errorCode\":0");
    if (!ok) {
      String code = body.replaceAll("(?s).*\"errorCode\":(\\d+).*", "$1");
      errorKinds.computeIfAbsent(op + " errorCode " + code, k -> new AtomicLong()).incrementAndGet();
    }
    return ok;
  }

  static boolean login(HttpClient c, String loginUrl, String base, String apiKey, String secret, String redirect, String user) throws Exception {
    String provider = location(c.send(get(loginUrl).build(), HttpResponse.BodyHandlers.discarding()));
    String callback = location(c.send(get(provider).header("X-Bench-User", user).build(), HttpResponse.BodyHandlers.discarding()));
    String site = location(c.send(get(callback).build(), HttpResponse.BodyHandlers.discarding()));
    int at = site.indexOf("code=");
    if (at < 0) {
      errorKinds.computeIfAbsent("login: " + site.replaceAll(".*errorCode=(\\d+).*", "errorCode $1"), k -> new AtomicLong()).incrementAndGet();
      return false;
    }
    int end = site.indexOf('&', at);
    String code = java.net.URLDecoder.decode(site.substring(at + 5, end < 0 ? site.length() : end), StandardCharsets.UTF_8);
    String body = c.send(post(base + "/socialize.getToken", "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri="
        + enc(redirect) + "&client_id=" + enc(apiKey) + "&client_secret=" + enc(secret)).build(), HttpResponse.BodyHandlers.ofString()).body();
    return okBody(body, "login getToken");
  }

  static HttpRequest.Builder signed(String base, String apiKey, String secret) throws Exception {
    TreeMap<String, String> p = new TreeMap<>();
    p.put("UID", "soak-user");
    p.put("apiKey", apiKey);
    p.put("format", "json");
    p.put("timestamp", Long.toString(System.currentTimeMillis() / 1000));
    p.put("nonce", System.nanoTime() + "_" + seq.incrementAndGet());
    StringJoiner q = new StringJoiner("&");
    p.forEach((k, v) -> q.add(k + "=" + sigEnc(v)));
    URI u = URI.create(base + "/socialize.getUserInfo");
    String normalized = u.getScheme() + "://" + u.getHost() + (u.getPort() == -1 || u.getPort() == 443 ? "" : ":" + u.getPort()) + u.getRawPath();
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret), "HmacSHA1"));
    p.put("sig", Base64.getEncoder().encodeToString(mac.doFinal(("POST&" + sigEnc(normalized) + "&" + sigEnc(q.toString())).getBytes(StandardCharsets.UTF_8))));
    StringJoiner form = new StringJoiner("&");
    p.forEach((k, v) -> form.add(k + "=" + enc(v)));
    return post(base + "/socialize.getUserInfo", form.toString());
  }

  static String sigEnc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
  }

  static String json(String body, String field) {
    int at = body.indexOf("\"" + field + "\":\"");
    if (at < 0) {
      throw new IllegalStateException("no " + field + " in " + body);
    }
    int from = at + field.length() + 4;
    return body.substring(from, body.indexOf('"', from));
  }

  static HttpRequest.Builder get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
  }

  static HttpRequest.Builder post(String url, String form) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
  }

  static String location(HttpResponse<?> r) {
    if (r.statusCode() != 302) {
      throw new IllegalStateException("expected 302, got " + r.statusCode());
    }
    return r.headers().firstValue("Location").orElseThrow();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static HttpClient client(boolean cookies) throws Exception {
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
    if (cookies) {
      b.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }
    return b.build();
  }
}
