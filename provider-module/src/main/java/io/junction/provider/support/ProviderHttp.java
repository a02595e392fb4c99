package io.junction.provider.support;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Every outbound call to a provider goes through here: MicroProfile Rest Client with connect and
 * read timeouts ({@code junction.provider.connect-timeout-ms}, {@code
 * junction.provider.read-timeout-ms}, 5 s and 10 s by default). Network failures become {@link
 * ProviderException}s: 504001 for a timeout, 500026 for anything else.
 *
 * <p>Each call runs in its provider's lane ({@link ProviderLanes}): a time limit, a bulkhead and a
 * circuit breaker per provider. A full bulkhead or an open breaker fails at once with 500026, a
 * call over the time limit with 504001.
 *
 * <p>One client per endpoint URL, built at its first call and reused by every later one (GET and
 * POST alike; a GET's query parameters travel with each call), closed when the application stops.
 * At most {@link #MAX_CLIENTS} are kept; a call to any further URL gets a client of its own, closed
 * after it.
 */
@ApplicationScoped
public class ProviderHttp {

  private static final Logger LOG = Logger.getLogger(ProviderHttp.class.getName());

  /** The most endpoint URLs whose clients are kept. */
  static final int MAX_CLIENTS = 256;

  /**
   * What a provider answered; {@code headers} holds the first value of each response header, by
   * lower-case name.
   */
  public record Answer(int status, String contentType, String body, Map<String, String> headers) {

    public Answer {
      headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** An answer whose headers are not kept. */
    public Answer(int status, String contentType, String body) {
      this(status, contentType, body, Map.of());
    }

    public boolean ok() {
      return status >= 200 && status < 300;
    }

    /** A response header's first value, or null. */
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /**
   * A provider endpoint, called through MicroProfile Rest Client. The base URI is the endpoint's
   * whole URL (configurable per provider), so one interface serves every provider.
   */
  public interface Endpoint {

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Response post(
        @HeaderParam("Accept") String accept,
        @HeaderParam("Authorization") String authorization,
        MultivaluedMap<String, String> form);

    /**
     * A GET with its query string (encoded, without '?'; null for none), which {@link QueryString}
     * appends to the endpoint's URL: it never leaves as a header.
     */
    @GET
    Response get(
        @HeaderParam("Accept") String accept,
        @HeaderParam("Authorization") String authorization,
        @HeaderParam(QueryString.HEADER) String query);

    /**
     * A POST of a body of any type: {@link CarriedHeaders} sets its Content-Type and further
     * headers from the carrier header.
     */
    @POST
    Response send(
        @HeaderParam("Accept") String accept,
        @HeaderParam("Authorization") String authorization,
        @HeaderParam(CarriedHeaders.HEADER) String headers,
        byte[] body);
  }

  /**
   * Sets a call's Content-Type and further headers, carried as {@code Name: value} lines in one
   * header from the client method to this filter only.
   */
  public static final class CarriedHeaders implements ClientRequestFilter {

    static final String HEADER = "X-Junction-Provider-Headers";

    @Override
    public void filter(ClientRequestContext request) {
      Object carried = request.getHeaders().getFirst(HEADER);
      request.getHeaders().remove(HEADER);
      if (carried == null) {
        return;
      }
      for (String line : carried.toString().split("\n")) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
          continue;
        }
        String name = line.substring(0, colon).trim();
        String value = line.substring(colon + 1).trim();
        if (name.equalsIgnoreCase("Content-Type")) {
          request.setEntity(
              request.getEntity(), request.getEntityAnnotations(), MediaType.valueOf(value));
        } else {
          request.getHeaders().putSingle(name, value);
        }
      }
    }
  }

  /** What an image URL answered: the type it declared and at most the bytes asked for. */
  public record Bytes(int status, String contentType, byte[] body, boolean truncated) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /** Moves a call's query string from its carrier header into the request URL. */
  public static final class QueryString implements ClientRequestFilter {

    /** Carries the query from the client method to this filter only. */
    static final String HEADER = "X-Junction-Provider-Query";

    @Override
    public void filter(ClientRequestContext request) {
      Object query = request.getHeaders().getFirst(HEADER);
      request.getHeaders().remove(HEADER);
      if (query == null || query.toString().isEmpty()) {
        return;
      }
      request.setUri(append(request.getUri(), query.toString()));
    }

    static URI append(URI uri, String query) {
      String s = uri.toString();
      int hash = s.indexOf('#');
      if (hash >= 0) {
        s = s.substring(0, hash);
      }
      return URI.create(s + (uri.getRawQuery() == null ? "?" : "&") + query);
    }
  }

  private final Map<String, Endpoint> clients = new ConcurrentHashMap<>();

  /** The fault tolerance of each provider; null (no lanes) when built outside CDI, in tests. */
  @Inject ProviderLanes lanes;

  /** Builds the client of a URL; replaced in tests. */
  Function<String, Endpoint> factory = this::client;

  private long connectTimeoutMs = 5000;
  private long readTimeoutMs = 10000;

  /** The application's metric registry; null outside a server (unit tests). */
  @Inject MetricRegistry metrics;

  /** {@code junction.provider.call}: the latency of each outbound call, by provider and outcome. */
  static final Metadata CALLS =
      Metadata.builder()
          .withName("junction.provider.call")
          .withDescription(
              "Calls to providers (token, profile, discovery, key set, ...), by provider, HTTP"
                  + " method and outcome: ok (2xx), refused (another status), timeout, network")
          .withUnit(MetricUnits.SECONDS)
          .build();

  @PostConstruct
  void configure() {
    org.eclipse.microprofile.config.Config config;
    try {
      config = ConfigProvider.getConfig();
    } catch (IllegalStateException noConfig) {
      return; // no MicroProfile Config at all (a bean built by hand): the defaults above
    }
    connectTimeoutMs =
        config.getOptionalValue("junction.provider.connect-timeout-ms", Long.class).orElse(5000L);
    readTimeoutMs =
        config.getOptionalValue("junction.provider.read-timeout-ms", Long.class).orElse(10000L);
  }

  /** Sets the timeouts (a copy of a configured instance under another rule). */
  void timeouts(long connectMs, long readMs) {
    connectTimeoutMs = connectMs;
    readTimeoutMs = readMs;
  }

  /** The connect timeout of every call, in milliseconds. */
  long connectTimeoutMs() {
    return connectTimeoutMs;
  }

  /** The read timeout of every call, in milliseconds. */
  long readTimeoutMs() {
    return readTimeoutMs;
  }

  /** Closes every kept client. */
  @PreDestroy
  void close() {
    for (Endpoint e : clients.values()) {
      closeQuietly(e);
    }
    clients.clear();
  }

  /** POSTs a form to {@code url}. */
  public Answer postForm(String provider, String url, Map<String, String> form) {
    return postForm(provider, url, form, null);
  }

  /** POSTs a form to {@code url} with an Authorization header (null for none). */
  public Answer postForm(
      String provider, String url, Map<String, String> form, String authorization) {
    MultivaluedMap<String, String> body = new MultivaluedHashMap<>();
    form.forEach(body::putSingle);
    return withClient(
        provider,
        url,
        e -> timed(provider, "POST", () -> e.post("application/json, */*", authorization, body)));
  }

  /** GETs {@code url} with the query parameters, optionally with an Authorization header. */
  public Answer get(String provider, String url, Map<String, String> query, String authorization) {
    String q = query.isEmpty() ? null : queryString(query);
    return withClient(
        provider,
        url,
        e -> timed(provider, "GET", () -> e.get("application/json, */*", authorization, q)));
  }

  /**
   * POSTs a JSON document to {@code url} with an Authorization header (null for none) and further
   * headers (name to value; none may carry a line break).
   */
  public Answer postJson(
      String provider, String url, String json, String authorization, Map<String, String> headers) {
    Map<String, String> all = new java.util.LinkedHashMap<>(headers);
    all.put("Content-Type", "application/json");
    return send(provider, url, json.getBytes(StandardCharsets.UTF_8), authorization, all);
  }

  /**
   * POSTs {@code multipart/form-data} with one file part (RFC 7578) to {@code url}, as providers'
   * photo upload addresses take it.
   */
  public Answer postFile(
      String provider, String url, String field, String fileName, String type, byte[] data) {
    String boundary = "junction-" + java.util.UUID.randomUUID();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(data.length + 512);
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + field
                + "\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: "
                + type
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    out.writeBytes(head);
    out.writeBytes(data);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        provider,
        url,
        out.toByteArray(),
        null,
        Map.of("Content-Type", "multipart/form-data; boundary=" + boundary));
  }

  private Answer send(
      String provider, String url, byte[] body, String authorization, Map<String, String> headers) {
    StringJoiner carried = new StringJoiner("\n");
    headers.forEach(
        (k, v) -> {
          if (k.contains("\n") || v.contains("\n") || v.contains("\r")) {
            throw new IllegalArgumentException("a header may not hold a line break");
          }
          carried.add(k + ": " + v);
        });
    return withClient(
        provider,
        url,
        e ->
            call(
                provider,
                () -> e.send("application/json, */*", authorization, carried.toString(), body)));
  }

  /**
   * GETs {@code url} once, with a client of its own (an address someone else named, not an endpoint
   * to keep a client for), reading at most {@code maxBytes} of the body.
   */
  public Bytes getBytes(String provider, String url, int maxBytes) {
    Endpoint once = build(provider, url);
    try (Response r = once.get("image/*", null, null)) {
      String type = r.getMediaType() == null ? "" : r.getMediaType().toString();
      if (!r.hasEntity()) {
        return new Bytes(r.getStatus(), type, new byte[0], false);
      }
      try (java.io.InputStream in = r.readEntity(java.io.InputStream.class)) {
        byte[] data = in.readNBytes(maxBytes + 1);
        boolean truncated = data.length > maxBytes;
        return new Bytes(
            r.getStatus(),
            type,
            truncated ? java.util.Arrays.copyOf(data, maxBytes) : data,
            truncated);
      }
    } catch (java.io.IOException e) {
      throw new ProviderException(
          provider, ErrorCode.NETWORK_ERROR, provider + " could not be read", e);
    } catch (ProcessingException | IllegalStateException e) {
      if (isTimeout(e)) {
        throw new ProviderException(
            provider, ErrorCode.TIMEOUT, provider + " did not answer in time", e);
      }
      throw new ProviderException(
          provider, ErrorCode.NETWORK_ERROR, provider + " could not be reached", e);
    } finally {
      closeQuietly(once);
    }
  }

  public static String withQuery(String url, Map<String, String> query) {
    if (query.isEmpty()) {
      return url;
    }
    return url + (url.contains("?") ? "&" : "?") + queryString(query);
  }

  private static String queryString(Map<String, String> query) {
    StringJoiner q = new StringJoiner("&");
    query.forEach(
        (k, v) ->
            q.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return q.toString();
  }

  private Answer withClient(String provider, String url, Function<Endpoint, Answer> use) {
    return inLane(provider, () -> send(provider, url, use));
  }

  /**
   * Runs one call to {@code provider} in its lane (time limit, bulkhead, circuit breaker); without
   * lanes (outside a server) directly.
   */
  protected Answer inLane(String provider, Supplier<Answer> call) {
    if (lanes == null) {
      return call.get();
    }
    try {
      return lanes.of(provider).call(call);
    } catch (ProviderLanes.Hanging e) {
      throw e.timeout();
    } catch (CircuitBreakerOpenException e) {
      throw new ProviderException(
          provider,
          ErrorCode.NETWORK_ERROR,
          provider + " is failing: calls to it are paused for a moment, try again later",
          e);
    } catch (BulkheadException e) {
      throw new ProviderException(
          provider,
          ErrorCode.NETWORK_ERROR,
          provider + " is slow: too many calls to it are under way, try again later",
          e);
    } catch (TimeoutException e) {
      throw new ProviderException(
          provider, ErrorCode.TIMEOUT, provider + " did not answer in time", e);
    } catch (FaultToleranceException e) {
      throw new ProviderException(
          provider, ErrorCode.NETWORK_ERROR, provider + " could not be reached", e);
    }
  }

  private Answer send(String provider, String url, Function<Endpoint, Answer> use) {
    Endpoint kept = clients.get(url);
    if (kept == null && clients.size() < MAX_CLIENTS) {
      kept = clients.computeIfAbsent(url, u -> build(provider, u));
    }
    if (kept != null) {
      return use.apply(kept);
    }
    Endpoint once = build(provider, url);
    try {
      return use.apply(once);
    } finally {
      closeQuietly(once);
    }
  }

  private Endpoint build(String provider, String url) {
    target(provider, url);
    try {
      return factory.apply(url);
    } catch (IllegalArgumentException e) {
      throw new ProviderException(
          provider, ErrorCode.NETWORK_ERROR, provider + " has no usable URL", e);
    }
  }

  /**
   * The URL to call, which must be an absolute http(s) URL with a host: endpoints come from
   * configuration and from providers' own documents (OpenID Connect discovery), and anything else
   * is a provider that cannot be reached. The message leaves the URL out: a query may carry a
   * token.
   */
  static URI target(String provider, String url) {
    try {
      URI uri = new URI(url == null ? "" : url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // not a URL: refused below
    }
    throw new ProviderException(
        provider,
        ErrorCode.NETWORK_ERROR,
        provider + " could not be reached: its endpoint is not an http(s) URL");
  }

  private Endpoint client(String url) {
    return RestClientBuilder.newBuilder()
        .baseUri(url)
        .connectTimeout(connectTimeoutMs, TimeUnit.MILLISECONDS)
        .readTimeout(readTimeoutMs, TimeUnit.MILLISECONDS)
        .property("microprofile.rest.client.disable.default.mapper", true)
        .followRedirects(false)
        // After every other request filter (a tracing filter reads the URL before this one
        // appends a query that may carry an access token).
        .register(new QueryString(), Priorities.USER + 1000)
        .register(new CarriedHeaders())
        .build(Endpoint.class);
  }

  private static void closeQuietly(Endpoint e) {
    if (e instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception failed) {
        LOG.log(Level.FINE, "Closing a provider client failed", failed);
      }
    }
  }

  private interface Call {
    Response send();
  }

  /** One call, timed into {@code junction.provider.call}. */
  private Answer timed(String provider, String method, Call call) {
    return timed(provider, method, () -> call(provider, call));
  }

  /** One call that answers on its own, timed into {@code junction.provider.call}. */
  protected Answer timed(String provider, String method, Supplier<Answer> call) {
    long start = System.nanoTime();
    String outcome = "network";
    try {
      Answer a = call.get();
      outcome = a.ok() ? "ok" : "refused";
      return a;
    } catch (ProviderException e) {
      outcome = e.code() == ErrorCode.TIMEOUT ? "timeout" : "network";
      throw e;
    } finally {
      MetricRegistry r = metrics;
      if (r != null) {
        r.timer(
                CALLS,
                new Tag("provider", provider),
                new Tag("method", method),
                new Tag("outcome", outcome))
            .update(Duration.ofNanos(System.nanoTime() - start));
      }
    }
  }

  private static Answer call(String provider, Call call) {
    try (Response r = call.send()) {
      String body = r.hasEntity() ? r.readEntity(String.class) : "";
      String type = r.getMediaType() == null ? "" : r.getMediaType().toString();
      Map<String, String> headers = new java.util.HashMap<>();
      r.getStringHeaders()
          .forEach(
              (name, values) -> {
                if (name != null && values != null && !values.isEmpty()) {
                  headers.putIfAbsent(name.toLowerCase(Locale.ROOT), values.get(0));
                }
              });
      return new Answer(r.getStatus(), type, body, headers);
    } catch (ProcessingException | IllegalStateException e) {
      if (isTimeout(e)) {
        throw new ProviderException(
            provider, ErrorCode.TIMEOUT, provider + " did not answer in time", e);
      }
      throw new ProviderException(
          provider, ErrorCode.NETWORK_ERROR, provider + " could not be reached", e);
    }
  }

  static boolean isTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException
          || (t instanceof InterruptedIOException && !(t instanceof ConnectException))
          || t.getClass().getSimpleName().contains("Timeout")) {
        return true;
      }
    }
    return false;
  }
}
