package io.junction.provider.support;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
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
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Every outbound call to a provider goes through here: MicroProfile Rest Client with connect and
 * read timeouts ({@code junction.provider.connect-timeout-ms}, {@code
 * junction.provider.read-timeout-ms}, 5 s and 10 s by default). Network failures become {@link
 * ProviderException}s: 504001 for a timeout, 500026 for anything else.
 */
@ApplicationScoped
public class ProviderHttp {

  /** What a provider answered. */
  public record Answer(int status, String contentType, String body) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private final Map<String, ProviderEndpoint> postClients = new ConcurrentHashMap<>();
  private long connectTimeoutMs;
  private long readTimeoutMs;

  @PostConstruct
  void configure() {
    var config = ConfigProvider.getConfig();
    connectTimeoutMs =
        config.getOptionalValue("junction.provider.connect-timeout-ms", Long.class).orElse(5000L);
    readTimeoutMs =
        config.getOptionalValue("junction.provider.read-timeout-ms", Long.class).orElse(10000L);
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
    URI target = target(provider, url);
    ProviderEndpoint endpoint = postClients.computeIfAbsent(url, u -> client(target));
    return call(provider, () -> endpoint.post("application/json, */*", authorization, body));
  }

  /** GETs {@code url} with the query parameters, optionally with an Authorization header. */
  public Answer get(String provider, String url, Map<String, String> query, String authorization) {
    ProviderEndpoint endpoint = client(target(provider, withQuery(url, query)));
    return call(provider, () -> endpoint.get("application/json, */*", authorization));
  }

  public static String withQuery(String url, Map<String, String> query) {
    if (query.isEmpty()) {
      return url;
    }
    StringJoiner q = new StringJoiner("&");
    query.forEach(
        (k, v) ->
            q.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return url + (url.contains("?") ? "&" : "?") + q;
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

  private ProviderEndpoint client(URI url) {
    return RestClientBuilder.newBuilder()
        .baseUri(url)
        .connectTimeout(connectTimeoutMs, TimeUnit.MILLISECONDS)
        .readTimeout(readTimeoutMs, TimeUnit.MILLISECONDS)
        .property("microprofile.rest.client.disable.default.mapper", true)
        .followRedirects(false)
        .build(ProviderEndpoint.class);
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
