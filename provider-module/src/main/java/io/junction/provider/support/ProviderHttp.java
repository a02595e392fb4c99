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
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
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

  /** What a provider answered. */
  public record Answer(int status, String contentType, String body) {
    public boolean ok() {
      return status >= 200 && status < 300;
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

  @PostConstruct
  void configure() {
    var config = ConfigProvider.getConfig();
    connectTimeoutMs =
        config.getOptionalValue("junction.provider.connect-timeout-ms", Long.class).orElse(5000L);
    readTimeoutMs =
        config.getOptionalValue("junction.provider.read-timeout-ms", Long.class).orElse(10000L);
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
        e -> call(provider, () -> e.post("application/json, */*", authorization, body)));
  }

  /** GETs {@code url} with the query parameters, optionally with an Authorization header. */
  public Answer get(String provider, String url, Map<String, String> query, String authorization) {
    String q = query.isEmpty() ? null : queryString(query);
    return withClient(
        provider, url, e -> call(provider, () -> e.get("application/json, */*", authorization, q)));
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
    if (lanes == null) {
      return send(provider, url, use);
    }
    try {
      return lanes.of(provider).call(() -> send(provider, url, use));
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
        .register(new QueryString())
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

  private static Answer call(String provider, Call call) {
    try (Response r = call.send()) {
      String body = r.hasEntity() ? r.readEntity(String.class) : "";
      String type = r.getMediaType() == null ? "" : r.getMediaType().toString();
      return new Answer(r.getStatus(), type, body);
    } catch (ProcessingException | IllegalStateException e) {
      if (isTimeout(e)) {
        throw new ProviderException(
            provider, ErrorCode.TIMEOUT, provider + " did not answer in time", e);
      }
      throw new ProviderException(
          provider, ErrorCode.NETWORK_ERROR, provider + " could not be reached", e);
    }
  }

  private static boolean isTimeout(Throwable e) {
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
