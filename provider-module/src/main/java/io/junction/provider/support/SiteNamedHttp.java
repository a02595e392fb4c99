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
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
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

  /** Calls under {@code addresses}, outside a container (tests of other packages). */
  public static SiteNamedHttp under(PublicAddresses addresses) {
    return new SiteNamedHttp(addresses);
  }

  /**
   * These calls, with this one's timeouts, under another rule: the images of user actions, whose
   * rule may be narrower ({@link PublicAddresses#liftedOnlyAt}).
   */
  public SiteNamedHttp ruledBy(PublicAddresses rule) {
    SiteNamedHttp other = new SiteNamedHttp(rule);
    other.timeouts(connectTimeoutMs(), readTimeoutMs());
    return other;
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

  /**
   * GETs an image a site named (a user action's media item): https through the checking sockets as
   * every other call here, plain http as one HTTP/1.0 request over a socket connected to the
   * address the rule checked (checked again as it connects). No redirect is followed (a 3xx is
   * returned as such), no proxy is used, at most {@code maxBytes} (plus one, to tell a larger body)
   * are read, and the whole answer must arrive within the read timeout.
   *
   * @throws PublicAddresses.Refused when the connection would go to an address the rule refuses
   * @throws ProviderException when the address cannot be reached or does not answer in time
   */
  @Override
  public Bytes getBytes(String provider, String url, int maxBytes) {
    return getDocument(provider, url, maxBytes, "image/*");
  }

  /**
   * GETs a document a site named (an identity provider's metadata, an image) as {@link #getBytes}
   * does, asking for {@code accept}.
   *
   * @throws PublicAddresses.Refused when the connection would go to an address the rule refuses
   * @throws ProviderException when the address cannot be reached or does not answer in time
   */
  public Bytes getDocument(String provider, String url, int maxBytes, String accept) {
    if (accept.indexOf('\r') >= 0 || accept.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("accept");
    }
    URI target = target(provider, url);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(readTimeoutMs());
    try {
      return target.getScheme().equalsIgnoreCase("https")
          ? httpsBytes(target, maxBytes, deadline, accept)
          : plainBytes(target, maxBytes, deadline, accept);
    } catch (IOException | RuntimeException e) {
      if (e instanceof ProviderException p) {
        throw p;
      }
      PublicAddresses.Refused refused = refusal(e);
      if (refused != null) {
        throw refused;
      }
      if (isTimeout(e)) {
        throw new ProviderException(
            provider, ErrorCode.TIMEOUT, provider + " did not answer in time", e);
      }
      throw new ProviderException(
          provider, ErrorCode.NETWORK_ERROR, provider + " could not be reached", e);
    }
  }

  private Bytes httpsBytes(URI target, int maxBytes, long deadline, String accept)
      throws IOException {
    HttpsURLConnection c = (HttpsURLConnection) target.toURL().openConnection(Proxy.NO_PROXY);
    try {
      c.setSSLSocketFactory(sockets());
      c.setInstanceFollowRedirects(false);
      c.setUseCaches(false);
      c.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connectTimeoutMs()));
      c.setReadTimeout((int) Math.min(Integer.MAX_VALUE, readTimeoutMs()));
      c.setRequestProperty("Accept", accept);
      int status = c.getResponseCode();
      String type = c.getContentType() == null ? "" : c.getContentType();
      if (status < 200 || status >= 300) {
        return new Bytes(status, type, new byte[0], false);
      }
      try (InputStream in = c.getInputStream()) {
        return body(status, type, in, maxBytes, deadline);
      }
    } finally {
      c.disconnect();
    }
  }

  private Bytes plainBytes(URI target, int maxBytes, long deadline, String accept)
      throws IOException {
    String host = target.getHost();
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    int port = target.getPort() < 0 ? 80 : target.getPort();
    String path =
        (target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath())
            + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
    try (Socket s =
        sockets().plain(bare, port, (int) Math.min(Integer.MAX_VALUE, connectTimeoutMs()))) {
      s.setSoTimeout((int) Math.min(Integer.MAX_VALUE, readTimeoutMs()));
      OutputStream out = s.getOutputStream();
      out.write(
          ("GET "
                  + path
                  + " HTTP/1.0\r\nHost: "
                  + host
                  + (target.getPort() < 0 ? "" : ":" + port)
                  + "\r\nAccept: "
                  + accept
                  + "\r\nUser-Agent: Junction\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = new java.io.BufferedInputStream(s.getInputStream());
      String statusLine = line(in, deadline);
      String[] parts = statusLine.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("\\d{3}")) {
        throw new IOException("not an HTTP answer");
      }
      int status = Integer.parseInt(parts[1]);
      String type = "";
      for (int i = 0; ; i++) {
        String header = line(in, deadline);
        if (header.isEmpty()) {
          break;
        }
        if (i > 100) {
          throw new IOException("too many header lines");
        }
        int colon = header.indexOf(':');
        if (colon > 0 && header.substring(0, colon).trim().equalsIgnoreCase("Content-Type")) {
          type = header.substring(colon + 1).trim();
        }
      }
      if (status < 200 || status >= 300) {
        return new Bytes(status, type, new byte[0], false);
      }
      return body(status, type, in, maxBytes, deadline);
    }
  }

  /** One header line (without its CR LF), at most 8 KiB. */
  private static String line(InputStream in, long deadline) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("the answer ended in its head");
      }
      if (c == '\n') {
        break;
      }
      if (c != '\r') {
        b.write(c);
      }
      if (b.size() > 8192) {
        throw new IOException("a header line is too long");
      }
      overdue(deadline);
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  /** At most {@code maxBytes} of the body, and whether there was more. */
  private static Bytes body(int status, String type, InputStream in, int maxBytes, long deadline)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    int n;
    while (out.size() <= maxBytes
        && (n = in.read(buf, 0, Math.min(buf.length, maxBytes + 1 - out.size()))) > 0) {
      out.write(buf, 0, n);
      overdue(deadline);
    }
    byte[] data = out.toByteArray();
    boolean truncated = data.length > maxBytes;
    return new Bytes(
        status, type, truncated ? java.util.Arrays.copyOf(data, maxBytes) : data, truncated);
  }

  private static void overdue(long deadline) throws java.net.SocketTimeoutException {
    if (System.nanoTime() > deadline) {
      throw new java.net.SocketTimeoutException("the answer took longer than the read timeout");
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
