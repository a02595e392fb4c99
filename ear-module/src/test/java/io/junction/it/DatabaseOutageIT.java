package io.junction.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL unreachable for 20 s under load, then back. A server of its own ({@code
 * junction-it-outage}, created by the build, started and stopped here) reaches the database through
 * a loopback TCP proxy that the test closes (every connection dropped, new ones refused, as a
 * stopped database does) and opens again: the shared database itself is never stopped.
 *
 * <p>During the outage every request gets a Gigya error within 5 s and readiness is DOWN; after it,
 * readiness is UP again and requests succeed, without a restart.
 */
class DatabaseOutageIT {

  private static final String LIBERTY = System.getProperty("junction.liberty.dir");
  private static final String SERVER = "junction-it-outage";
  private static final String BASE =
      "https://localhost:" + System.getProperty("junction.outage.https.port", "19644");
  private static final int PROXY_PORT = Integer.getInteger("junction.outage.db.port", 19097);
  private static final long OUTAGE_MS = 20_000;
  private static final long ANSWER_WITHIN_MS = 5_000;

  private static Proxy proxy;
  private static boolean started;

  @BeforeAll
  static void startTheServerBehindTheProxy() throws Exception {
    assumeTrue(
        "postgres".equals(System.getProperty("junction.db.kind")),
        "an outage of PostgreSQL; the embedded database has none");
    proxy = new Proxy(PROXY_PORT, "localhost", 5432);
    proxy.open();
    Path env = Path.of(LIBERTY, "usr", "servers", SERVER, "server.env");
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(env)) {
      if (!line.startsWith("DB_PORT=")) {
        lines.add(line);
      }
    }
    lines.add("DB_PORT=" + PROXY_PORT);
    Files.write(env, lines);
    server("start");
    started = true;
    long until = System.currentTimeMillis() + 240_000;
    while (readiness() != 200) {
      assertTrue(System.currentTimeMillis() < until, "the outage server never became ready");
      Thread.sleep(1_000);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (started) {
      server("stop");
    }
    if (proxy != null) {
      proxy.close();
    }
  }

  private static void server(String command) throws Exception {
    Process p =
        new ProcessBuilder(Path.of(LIBERTY, "bin", "server").toString(), command, SERVER)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertTrue(p.waitFor(240, TimeUnit.SECONDS), "server " + command + " took too long");
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return Junction.CLIENT.send(
        request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int readiness() {
    try {
      return send(HttpRequest.newBuilder(URI.create(BASE + "/health/ready")).GET()).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  private static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  private static JsonObject post(String path, String form) throws Exception {
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    return json(r.body());
  }

  /** One request of the load: when it started and ended, and what it answered. */
  private record Call(String what, long start, long end, int errorCode, String body) {}

  @Test
  void anOutageEndsInGigyaErrorsWithinSecondsAndJunctionRecoversByItself() throws Exception {
    HttpResponse<String> created =
        send(
            HttpRequest.newBuilder(URI.create(BASE + "/admin/sites"))
                .header("Authorization", Junction.adminAuth())
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"outage\",\"domains\":[\"shop.example.com\"]}")));
    assertEquals(201, created.statusCode(), created.body());
    JsonObject site = json(created.body());
    String client =
        "client_id="
            + Browser.enc(site.getString("apiKey"))
            + "&client_secret="
            + Browser.enc(site.getString("secret"));
    JsonObject user =
        post(
            "/socialize.getToken", "grant_type=client_credentials&x_siteUID=outage-user&" + client);
    String token = user.getString("access_token");

    List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger broken = new AtomicInteger();
    ExecutorService load = Executors.newFixedThreadPool(6);
    for (int i = 0; i < 6; i++) {
      boolean reader = i % 2 == 0;
      load.submit(
          () -> {
            while (running.get()) {
              long start = System.currentTimeMillis();
              try {
                JsonObject answer =
                    reader
                        ? json(
                            send(HttpRequest.newBuilder(
                                        URI.create(
                                            BASE
                                                + "/socialize.getUserInfo?oauth_token="
                                                + Browser.enc(token)))
                                    .GET())
                                .body())
                        : post("/socialize.getToken", "grant_type=none&" + client);
                calls.add(
                    new Call(
                        reader ? "getUserInfo" : "getToken",
                        start,
                        System.currentTimeMillis(),
                        answer.getInt("errorCode"),
                        answer.toString()));
              } catch (Exception e) {
                broken.incrementAndGet();
                calls.add(new Call("failed: " + e, start, System.currentTimeMillis(), -1, ""));
              }
              try {
                Thread.sleep(100);
              } catch (InterruptedException e) {
                return;
              }
            }
          });
    }

    Thread.sleep(3_000);
    long cut = System.currentTimeMillis();
    proxy.cut();
    List<int[]> healthDuring = new ArrayList<>();
    while (System.currentTimeMillis() < cut + OUTAGE_MS) {
      long start = System.currentTimeMillis();
      int status = readiness();
      healthDuring.add(new int[] {status, (int) (System.currentTimeMillis() - start)});
      Thread.sleep(1_000);
    }
    proxy.open();
    long back = System.currentTimeMillis();
    long until = back + 60_000;
    while (readiness() != 200) {
      assertTrue(System.currentTimeMillis() < until, "readiness did not come back UP");
      Thread.sleep(500);
    }
    long ready = System.currentTimeMillis();
    Thread.sleep(3_000);
    running.set(false);
    load.shutdown();
    assertTrue(load.awaitTermination(60, TimeUnit.SECONDS));

    assertEquals(0, broken.get(), "every request got an answer: " + calls);
    List<Call> during = new ArrayList<>();
    for (Call c : calls) {
      assertFalse(
          c.body().contains("Exception") || c.body().contains("\tat "),
          "no stack trace or exception in an answer: " + c);
      assertTrue(
          c.errorCode() == 0 || c.errorCode() == 500028,
          "a success or the database's Gigya error: " + c);
      if (c.start() >= cut && c.start() < back) {
        during.add(c);
        assertTrue(
            c.end() - c.start() < ANSWER_WITHIN_MS,
            "an answer during the outage took " + (c.end() - c.start()) + " ms: " + c);
      }
    }
    assertTrue(during.size() > 20, "load during the outage: " + during.size());
    assertTrue(
        during.stream().filter(c -> c.errorCode() == 500028).count() >= during.size() / 2,
        "the outage was seen: " + during);

    // Readiness: DOWN soon after the cut (every probe answered within the limit), UP after.
    for (int[] probe : healthDuring) {
      assertTrue(probe[1] < ANSWER_WITHIN_MS, "a readiness probe took " + probe[1] + " ms");
    }
    assertTrue(
        healthDuring.stream().skip(2).allMatch(p -> p[0] == 503),
        "readiness DOWN during the outage: " + healthDuring.stream().map(p -> p[0]).toList());

    // Recovered without a restart: every request that started after readiness came back works,
    // the token from before the outage too.
    List<Call> after = calls.stream().filter(c -> c.start() > ready + 1_000).toList();
    assertTrue(after.size() > 5, "load after the outage: " + after.size());
    for (Call c : after) {
      assertEquals(0, c.errorCode(), "after the outage: " + c);
    }
    assertEquals(
        "outage-user",
        json(send(HttpRequest.newBuilder(
                        URI.create(
                            BASE + "/socialize.getUserInfo?oauth_token=" + Browser.enc(token)))
                    .GET())
                .body())
            .getString("UID"));
  }

  /**
   * A loopback TCP proxy to the database that the test can cut: {@link #cut} drops every connection
   * and stops listening (new connections are refused, as by a stopped database), {@link #open}
   * listens again.
   */
  static final class Proxy implements AutoCloseable {
    private final int port;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listening;

    Proxy(int port, String targetHost, int targetPort) {
      this.port = port;
      this.targetHost = targetHost;
      this.targetPort = targetPort;
    }

    synchronized void open() throws IOException {
      ServerSocket s = new ServerSocket();
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
      listening = s;
      Thread accept = new Thread(() -> accept(s), "db-proxy-accept");
      accept.setDaemon(true);
      accept.start();
    }

    private void accept(ServerSocket s) {
      while (!s.isClosed()) {
        try {
          Socket client = s.accept();
          Socket upstream = new Socket(targetHost, targetPort);
          sockets.add(client);
          sockets.add(upstream);
          pump(client, upstream);
          pump(upstream, client);
        } catch (IOException e) {
          // closed by cut(), or the database refused: the client sees its connection dropped
        }
      }
    }

    private void pump(Socket from, Socket to) {
      Thread t =
          new Thread(
              () -> {
                byte[] buffer = new byte[16384];
                try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                  int n;
                  while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                  }
                } catch (IOException e) {
                  // one side closed
                } finally {
                  closeQuietly(from);
                  closeQuietly(to);
                }
              },
              "db-proxy-pump");
      t.setDaemon(true);
      t.start();
    }

    synchronized void cut() {
      closeQuietly(listening);
      for (Socket s : sockets) {
        closeQuietly(s);
      }
      sockets.clear();
    }

    @Override
    public void close() {
      cut();
    }

    private static void closeQuietly(AutoCloseable c) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // already closed
      }
    }
  }
}
