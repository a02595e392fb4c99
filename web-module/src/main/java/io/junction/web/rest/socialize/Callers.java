package io.junction.web.rest.socialize;

import io.junction.api.ErrorCode;
import io.junction.web.account.Account;
import io.junction.web.account.AccountService;
import io.junction.web.config.JunctionConfig;
import io.junction.web.envelope.ApiCall;
import io.junction.web.envelope.GigyaException;
import io.junction.web.oauth.OAuthToken;
import io.junction.web.oauth.TokenService;
import io.junction.web.security.GigyaSignature;
import io.junction.web.security.Nonces;
import io.junction.web.security.Secrets;
import io.junction.web.site.ApplicationKey;
import io.junction.web.site.Site;
import io.junction.web.site.SiteService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who is calling a server method, by the Gigya rules (protocol §3):
 *
 * <ul>
 *   <li>an {@code oauth_token} (parameter or {@code Authorization: OAuth|Bearer} header), HTTPS
 *       only (403025); a mobile session's token may sign its calls with its session secret;
 *   <li>{@code apiKey} (+ {@code userKey}) with {@code timestamp}, {@code nonce} and {@code sig}
 *       (HMAC-SHA1 of the base string): a bad signature is 403003, a timestamp off by more than the
 *       allowed skew 403002 (seconds or, as the Node SDK sends, milliseconds), a nonce used before
 *       403004. The base string may name the URL the client addressed, Junction's public URL, or
 *       Gigya's host of the site's data center (as an SDK that still thinks it talks to Gigya
 *       signs);
 *   <li>{@code apiKey} (+ {@code userKey}) with {@code secret} in clear, HTTPS only (403006).
 * </ul>
 *
 * An application key may call only the methods of its permissions (403007).
 */
@RequestScoped
public class Callers {

  @Inject ApiCall call;
  @Inject TokenService tokens;
  @Inject SiteService sites;
  @Inject AccountService accounts;
  @Inject Nonces nonces;
  @Inject Secrets secrets;
  @Inject JunctionConfig config;

  @Inject
  @ConfigProperty(name = "junction.signature.max-skew-seconds", defaultValue = "120")
  long maxSkewSeconds;

  /** How a caller authenticated. */
  public enum Via {
    OAUTH_TOKEN,
    SIGNATURE,
    SECRET
  }

  /**
   * A caller: the site, how it authenticated, the application key (or null for the site's own
   * secret), the token (for oauth callers) and the account the call is about (or null).
   */
  public record Caller(
      Site site,
      Via via,
      ApplicationKey application,
      OAuthToken token,
      String tokenValue,
      Account account) {
    /** Whether the caller holds the site's (or an application's) secret, not a user session. */
    public boolean server() {
      return via != Via.OAUTH_TOKEN || token.kind() == OAuthToken.Kind.SERVER;
    }
  }

  /** A caller whose call is about a user: the token's user, or the account of {@code UID}. */
  public Caller user(HttpHeaders headers, UriInfo uri) {
    Caller c = authenticate(headers, uri);
    if (c.account() == null) {
      if (c.via() == Via.OAUTH_TOKEN && c.token().kind() == OAuthToken.Kind.ANONYMOUS) {
        throw new GigyaException(
            ErrorCode.NO_VALID_SESSION, "The oauth_token belongs to no logged-in user");
      }
      throw GigyaException.missing("UID");
    }
    return c;
  }

  /** A caller with the site's or an application's secret (not a user session). */
  public Caller server(HttpHeaders headers, UriInfo uri) {
    Caller c = authenticate(headers, uri);
    if (!c.server()) {
      throw new GigyaException(
          ErrorCode.PERMISSION_DENIED,
          call.method() + " takes the site's credentials, not a user's oauth_token");
    }
    return c;
  }

  /** A caller with the site's or an application's secret, about the user named by {@code UID}. */
  public Caller serverAboutUser(HttpHeaders headers, UriInfo uri) {
    Caller c = server(headers, uri);
    if (c.account() == null) {
      throw GigyaException.missing("UID");
    }
    return c;
  }

  /** Authenticates the call; the account is the token's user or that of {@code UID} when given. */
  public Caller authenticate(HttpHeaders headers, UriInfo uri) {
    String token = tokenOf(headers);
    if (token != null) {
      return byToken(token, uri);
    }
    String apiKey = call.paramOrNull("apiKey");
    if (apiKey == null) {
      throw GigyaException.missing("apiKey");
    }
    Site site = sites.forApi(apiKey);
    String userKey = call.paramOrNull("userKey");
    ApplicationKey application = userKey == null ? null : sites.application(site, userKey);
    String secret = application == null ? sites.secretOf(site) : sites.secretOf(application);
    Via via;
    if (call.paramOrNull("sig") != null) {
      verifySignature(site, secret, uri);
      via = Via.SIGNATURE;
    } else if (call.param("secret") != null) {
      if (!call.secure()) {
        throw new GigyaException(
            ErrorCode.SECRET_SENT_OVER_HTTP, "A secret in clear is accepted over HTTPS only");
      }
      if (!GigyaSignature.same(secret, call.param("secret"))) {
        throw new GigyaException(
            ErrorCode.INVALID_SECRET,
            "The secret is not the " + (application == null ? "site's" : "application key's"));
      }
      via = Via.SECRET;
    } else {
      throw GigyaException.missing("sig (with timestamp and nonce), secret or oauth_token");
    }
    if (application != null && !application.permits(call.method())) {
      throw new GigyaException(
          ErrorCode.PERMISSION_DENIED, "The application key may not call " + call.method());
    }
    return new Caller(site, via, application, null, null, accountOfUid(site, null));
  }

  private Caller byToken(String token, UriInfo uri) {
    if (!call.secure()) {
      throw new GigyaException(
          ErrorCode.INVALID_TOKEN, "invalid_token: oauth_token must be sent over HTTPS");
    }
    OAuthToken t = tokens.authenticate(token);
    Site site = sites.forApi(t.apiKey());
    if (call.paramOrNull("sig") != null) {
      if (t.sessionSecretEncrypted() == null) {
        throw new GigyaException(
            ErrorCode.INVALID_REQUEST_SIGNATURE, "This session has no secret to sign with");
      }
      verifySignature(
          site,
          secrets.cipher().decrypt(t.sessionSecretEncrypted(), "session-secret:" + t.tokenHash()),
          uri);
    }
    Account account =
        switch (t.kind()) {
          case USER -> accounts.byId(t.accountId()).orElseThrow(Callers::unknownUser);
          case SERVER -> accountOfUid(site, null);
          case ANONYMOUS -> null;
        };
    String uid = call.paramOrNull("UID");
    if (t.kind() == OAuthToken.Kind.USER && uid != null && !uid.equals(account.uid())) {
      throw unknownUser();
    }
    return new Caller(site, Via.OAUTH_TOKEN, null, t, token, account);
  }

  private Account accountOfUid(Site site, Account fallback) {
    String uid = call.paramOrNull("UID");
    if (uid == null) {
      return fallback;
    }
    return accounts.byUid(site.apiKey(), uid).orElseThrow(Callers::unknownUser);
  }

  /** The oauth_token of a browser flow (addConnection): required, HTTPS only, known, unexpired. */
  public OAuthToken oauthToken(HttpHeaders headers) {
    String token = tokenOf(headers);
    if (token == null) {
      throw GigyaException.missing("oauth_token");
    }
    if (!call.secure()) {
      throw new GigyaException(
          ErrorCode.INVALID_TOKEN, "invalid_token: oauth_token must be sent over HTTPS");
    }
    return tokens.authenticate(token);
  }

  /** The token of the call, or null when none was sent. */
  public String tokenOf(HttpHeaders headers) {
    String token = call.paramOrNull("oauth_token");
    if (token == null) {
      String auth = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
      if (auth != null) {
        String a = auth.trim();
        if (a.regionMatches(true, 0, "OAuth ", 0, 6)) {
          token = a.substring(6).trim();
        } else if (a.regionMatches(true, 0, "Bearer ", 0, 7)) {
          token = a.substring(7).trim();
        }
      }
    }
    return token == null || token.isEmpty() ? null : token;
  }

  private void verifySignature(Site site, String secret, UriInfo uri) {
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
    String method = call.method();
    boolean ok = false;
    String firstBase = null;
    for (String url : candidateUrls(site, uri, method)) {
      String base = GigyaSignature.baseString(requestMethod(uri), url, params);
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

  private String requestMethod(UriInfo uri) {
    return call.httpMethod();
  }

  /** The URLs a client may have signed: as addressed, Junction's public URL, Gigya's host. */
  Set<String> candidateUrls(Site site, UriInfo uri, String method) {
    Set<String> urls = new LinkedHashSet<>();
    URI requested = uri.getRequestUri();
    String path = requested.getRawPath();
    String scheme = call.secure() ? "https" : "http";
    if (requested.getHost() != null) {
      urls.add(
          GigyaSignature.normalizedUrl(scheme, requested.getHost(), requested.getPort(), path));
    }
    String host = call.hostHeader();
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
      urls.add(GigyaSignature.normalizedUrl(scheme, h, port, path));
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

  private static GigyaException unknownUser() {
    return new GigyaException(ErrorCode.UNAUTHORIZED_USER, "The UID is not a user of this site");
  }
}
