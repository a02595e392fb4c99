package io.junction.web.caller;

import io.junction.api.ErrorCode;
import io.junction.web.config.JunctionConfig;
import io.junction.web.envelope.ApiCall;
import io.junction.web.envelope.GigyaException;
import io.junction.web.security.GigyaSignature;
import io.junction.web.security.Nonces;
import io.junction.web.site.Site;
import io.junction.web.telemetry.JunctionMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gigya's request signatures: {@code sig} = Base64(HMAC-SHA1(secret, base string)) with a {@code
 * timestamp} within {@code junction.signature.max-skew-seconds} of the server's clock (403002
 * beyond; seconds or, as the Node SDK sends, milliseconds) and a {@code nonce} used once per site
 * on every node (403004). A signature that matches no base string is 403003.
 *
 * <p>The base string's URL may be the one the client addressed, Junction's public URL, or Gigya's
 * host of the site's data center (an SDK that still believes it talks to Gigya signs that one).
 */
@ApplicationScoped
public class RequestSignatures {

  @Inject Nonces nonces;
  @Inject JunctionConfig config;
  @Inject JunctionMetrics metrics;

  @Inject
  @ConfigProperty(name = "junction.signature.max-skew-seconds", defaultValue = "120")
  long maxSkewSeconds;

  /** Where the request was addressed, as the client saw it. */
  public record Target(String host, int port, String rawPath, String hostHeader) {}

  /**
   * Checks the call's signature made with {@code secret}, and uses up its nonce. A refusal is
   * counted by its errorCode ({@code junction.signature.failures}).
   */
  public void verify(ApiCall call, Site site, String secret, Target target) {
    try {
      check(call, site, secret, target);
    } catch (GigyaException e) {
      metrics.signatureFailure(e.code().code());
      throw e;
    }
  }

  private void check(ApiCall call, Site site, String secret, Target target) {
    String rawTimestamp = call.paramOrNull("timestamp");
    if (rawTimestamp == null) {
      throw GigyaException.missing("timestamp");
    }
    String nonce = call.paramOrNull("nonce");
    if (nonce == null) {
      throw GigyaException.missing("nonce");
    }
    if (nonce.length() > 100) {
      throw GigyaException.invalid("nonce", "longer than 100 characters");
    }
    long timestamp;
    try {
      timestamp = Long.parseLong(rawTimestamp.trim());
    } catch (NumberFormatException e) {
      throw GigyaException.invalid("timestamp", "not a number of seconds");
    }
    if (timestamp > 100_000_000_000L) {
      timestamp /= 1000; // milliseconds, as the Node SDK sends
    }
    long skew = Math.abs(System.currentTimeMillis() / 1000 - timestamp);
    if (skew > maxSkewSeconds) {
      throw new GigyaException(
          ErrorCode.REQUEST_HAS_EXPIRED,
          "The timestamp is " + skew + " s away from the server's clock (see the Date header)");
    }
    Map<String, String> params = new HashMap<>();
    call.params()
        .forEach(
            (k, v) -> {
              if (!v.isEmpty()) {
                params.put(k, v.get(0));
              }
            });
    String given = call.param("sig");
    boolean ok = false;
    String firstBase = null;
    for (String url : candidateUrls(site, target, call.method(), call.secure())) {
      String base = GigyaSignature.baseString(call.httpMethod(), url, params);
      firstBase = firstBase == null ? base : firstBase;
      ok |= GigyaSignature.same(GigyaSignature.hmac(secret, base), given);
    }
    if (!ok) {
      // The base string holds no secret (but a session's oauth_token, which is never echoed);
      // showing it is what lets an integrator find the difference.
      throw new GigyaException(
          ErrorCode.INVALID_REQUEST_SIGNATURE,
          "The signature does not match the request"
              + (params.containsKey("oauth_token") ? "" : "; base string expected: " + firstBase));
    }
    nonces.use(site.apiKey(), nonce, Duration.ofSeconds(2 * maxSkewSeconds + 60));
  }

  /** The URLs a client may have signed: as addressed, Junction's public URL, Gigya's host. */
  Set<String> candidateUrls(Site site, Target target, String method, boolean secure) {
    Set<String> urls = new LinkedHashSet<>();
    String scheme = secure ? "https" : "http";
    if (target.host() != null) {
      urls.add(
          GigyaSignature.normalizedUrl(scheme, target.host(), target.port(), target.rawPath()));
    }
    String host = target.hostHeader();
    if (host != null && !host.isEmpty()) {
      String h = host;
      int port = -1;
      int colon = h.lastIndexOf(':');
      if (colon > 0 && h.indexOf(']') < colon) {
        try {
          port = Integer.parseInt(h.substring(colon + 1));
          h = h.substring(0, colon);
        } catch (NumberFormatException e) {
          port = -1;
        }
      }
      urls.add(GigyaSignature.normalizedUrl(scheme, h, port, target.rawPath()));
    }
    URI pub = URI.create(config.publicUrl());
    urls.add(
        GigyaSignature.normalizedUrl(
            pub.getScheme(), pub.getHost(), pub.getPort(), pub.getRawPath() + "/" + method));
    String namespace = method.substring(0, method.indexOf('.'));
    String gigyaHost =
        namespace
            + "."
            + site.dataCenter()
            + (site.dataCenter().equals("cn1") ? ".gigya-api.cn" : ".gigya.com");
    for (String s : List.of("https", "http")) {
      urls.add(GigyaSignature.normalizedUrl(s, gigyaHost, -1, "/" + method));
    }
    return urls;
  }
}
