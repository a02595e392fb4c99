package io.junction.provider.support;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderException;
import io.junction.provider.PublicAddresses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import javax.net.ssl.HttpsURLConnection;

/**
 * The calls to URLs a site's configuration names (an OpenID Connect issuer and the endpoints of its
 * discovery document): every connection goes to a public address, checked on the address it
 * actually connects to ({@link PublicPeersOnly}), not only on what the name resolved to when the
 * URL was checked. A name that answers a public address to the check and a private one to the
 * connection (DNS rebinding) gets no connection: a provider configuration error (400122).
 *
 * <p>These calls use {@link HttpsURLConnection} with the checking socket factory rather than the
 * MicroProfile Rest Client of {@link ProviderHttp}: the server's Rest Client replaces a client's
 * own SSL context with the server's. They use the JVM's default TLS settings (as the server sets
 * them), no HTTP proxy (a proxy would be the address connected to), follow no redirect, and read at
 * most {@value #MAX_ANSWER} bytes of an answer. Where {@code
 * junction.provider.allow-private-addresses} lifts the rule, plain http is possible (the
 * integration tests' stand-ins on loopback).
 */
@ApplicationScoped
@Typed(SiteNamedHttp.class)
public class SiteNamedHttp extends ProviderHttp {

  /** The most bytes of an answer read. */
  static final int MAX_ANSWER = 1 << 20;

  @Inject PublicAddresses addresses;

  private volatile PublicPeersOnly sockets;

  /** For CDI. */
  public SiteNamedHttp() {}

  /** Calls under {@code addresses}, outside a container (tests). */
  SiteNamedHttp(PublicAddresses addresses) {
    this.addresses = addresses;
  }

  private PublicPeersOnly sockets() {
    PublicPeersOnly s = sockets;
    if (s == null) {
      s = new PublicPeersOnly(HttpsURLConnection.getDefaultSSLSocketFactory(), addresses);
      sockets = s;
    }
    return s;
  }

  @Override
  public Answer postForm(
      String provider, String url, Map<String, String> form, String authorization) {
    StringJoiner body = new StringJoiner("&");
    form.forEach(
        (k, v) ->
            body.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    return inLane(
        provider,
        () -> timed(provider, "POST", () -> exchange(provider, url, authorization, bytes)));
  }

  @Override
  public Answer get(String provider, String url, Map<String, String> query, String authorization) {
    String target = withQuery(url, query);
    return inLane(
        provider,
        () -> timed(provider, "GET", () -> exchange(provider, target, authorization, null)));
  }

  private Answer exchange(String provider, String url, String authorization, byte[] form) {
    URI target = target(provider, url);
    boolean https = target.getScheme().equalsIgnoreCase("https");
    if (!https && !addresses.allowsPrivate()) {
      throw new ProviderException(
          provider,
          ErrorCode.PROVIDER_CONFIGURATION_ERROR,
          provider + " must be called over https");
    }
    try {
      HttpURLConnection c = (HttpURLConnection) target.toURL().openConnection(Proxy.NO_PROXY);
      if (c instanceof HttpsURLConnection tls) {
        tls.setSSLSocketFactory(sockets());
      }
      c.setInstanceFollowRedirects(false);
      c.setUseCaches(false);
      c.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connectTimeoutMs()));
      c.setReadTimeout((int) Math.min(Integer.MAX_VALUE, readTimeoutMs()));
      c.setRequestProperty("Accept", "application/json, */*");
      if (authorization != null) {
        c.setRequestProperty("Authorization", authorization);
      }
      if (form != null) {
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        c.setFixedLengthStreamingMode(form.length);
        try (OutputStream out = c.getOutputStream()) {
          out.write(form);
        }
      }
      int status = c.getResponseCode();
      InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
      String type = c.getContentType() == null ? "" : c.getContentType();
      return new Answer(status, type, in == null ? "" : read(provider, in, charset(type)));
    } catch (IOException | RuntimeException e) {
      if (e instanceof ProviderException p) {
        throw p;
      }
      PublicAddresses.Refused refused = refusal(e);
      if (refused != null) {
        throw new ProviderException(
            provider,
            ErrorCode.PROVIDER_CONFIGURATION_ERROR,
            provider + " is refused: " + refused.getMessage(),
            e);
      }
      if (isTimeout(e)) {
        throw new ProviderException(
            provider, ErrorCode.TIMEOUT, provider + " did not answer in time", e);
      }
      throw new ProviderException(
          provider, ErrorCode.NETWORK_ERROR, provider + " could not be reached", e);
    }
  }

  private static PublicAddresses.Refused refusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PublicAddresses.Refused r) {
        return r;
      }
    }
    return null;
  }

  private static Charset charset(String contentType) {
    for (String part : contentType.split(";")) {
      String p = part.trim();
      if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
        try {
          return Charset.forName(p.substring(8).replace("\"", "").trim());
        } catch (IllegalArgumentException e) {
          return StandardCharsets.UTF_8;
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  private static String read(String provider, InputStream in, Charset charset) throws IOException {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) > 0) {
        if (out.size() + n > MAX_ANSWER) {
          throw new ProviderException(
              provider, ErrorCode.PROVIDER_ERROR, provider + " answered more than 1 MiB");
        }
        out.write(buf, 0, n);
      }
      return out.toString(charset);
    }
  }
}
