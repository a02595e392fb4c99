package io.junction.provider.oidc;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderException;
import io.junction.api.ProviderInfo;
import io.junction.provider.PublicAddresses;
import io.junction.provider.support.OidcConnector;
import io.junction.provider.support.ProviderHttp;
import io.junction.provider.support.SiteNamedHttp;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Any OpenID Connect provider a site names itself ({@code oidc-<name>}), found by its issuer URL:
 * the endpoints and key set come from {@code <issuer>/.well-known/openid-configuration} (kept ten
 * minutes), whose {@code issuer} must be the configured one.
 *
 * <p>Nothing is fetched from, and no browser is sent to, an address a site's configuration could
 * aim at Junction's own network: the issuer, before its discovery document is fetched, and each
 * endpoint of the document (authorization, token, userinfo, key set), before each use, must be
 * https and pass {@link PublicAddresses} (every address its host resolves to is public; plain http
 * on loopback only where {@code junction.provider.allow-private-addresses} lifts the rule). Each
 * endpoint must also be on the issuer's host or on a host the site lists for the provider ({@link
 * ProviderApp#allowedHosts()}). A refused issuer or endpoint is a provider configuration error
 * (400122); a host that does not resolve, a network error (500026). Every call goes through {@link
 * SiteNamedHttp}, whose connections go only to the public addresses they check when they connect (a
 * name that resolves otherwise the second time, DNS rebinding, reaches nothing).
 */
@ApplicationScoped
public class GenericOidcConnector extends OidcConnector {

  /** The name every oidc-&lt;name&gt; provider shares for its connector. */
  public static final String ID = "oidc";

  static final ProviderInfo INFO =
      new ProviderInfo(
          ID,
          "OpenID Connect",
          false,
          List.of("openid", "profile", "email"),
          "Any OpenID Connect provider: register a confidential web client; Client ID and secret, and the issuer URL (Junction reads <issuer>/.well-known/openid-configuration); the callback is a redirect URI. Endpoints on another host than the issuer's need that host in allowedHosts.");
  private static final Duration TTL = Duration.ofMinutes(10);

  /** The rule where no container provides one: private addresses refused. */
  private static final PublicAddresses STRICT = new PublicAddresses(false);

  private record Discovered(JsonObject metadata, Instant fetched) {}

  private final Map<String, Discovered> discovered = new ConcurrentHashMap<>();

  @Inject PublicAddresses addresses;

  /**
   * The calls to the issuer and its document's endpoints, URLs a site named: each connection is
   * checked on the address it goes to, not only on what the name resolved to at the check.
   */
  @Inject SiteNamedHttp siteNamedHttp;

  @PostConstruct
  void callThroughSiteNamedHttp() {
    if (siteNamedHttp != null) {
      http = siteNamedHttp;
    }
  }

  public GenericOidcConnector() {
    super(INFO, new Endpoints(null, null, null, null, null));
  }

  /** A connector calling through {@code http} under {@code addresses}, outside a container. */
  GenericOidcConnector(ProviderHttp http, PublicAddresses addresses) {
    this();
    this.http = http;
    this.addresses = addresses;
  }

  private PublicAddresses addresses() {
    return addresses != null ? addresses : STRICT;
  }

  private JsonObject metadata(ProviderApp app) {
    String issuer = app.issuer();
    if (issuer == null) {
      throw new ProviderException(
          ID, ErrorCode.PROVIDER_CONFIGURATION_ERROR, "No issuer is configured");
    }
    Discovered d = discovered.get(issuer);
    if (d == null || d.fetched().plus(TTL).isBefore(Instant.now())) {
      checked("the issuer", issuer);
      String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
      JsonObject m =
          apiAnswer(
              "discovery at " + issuer,
              http.get(ID, base + "/.well-known/openid-configuration", Map.of(), null),
              document -> null);
      if (!issuer.equals(text(m.get("issuer")))) {
        throw new ProviderException(
            ID,
            ErrorCode.PROVIDER_ERROR,
            "the discovery document names another issuer: " + clip(text(m.get("issuer"))));
      }
      for (String required : List.of("authorization_endpoint", "token_endpoint", "jwks_uri")) {
        if (text(m.get(required)) == null) {
          throw new ProviderException(
              ID, ErrorCode.PROVIDER_ERROR, "the discovery document has no " + required);
        }
      }
      d = new Discovered(m, Instant.now());
      discovered.put(issuer, d);
    }
    return d.metadata();
  }

  /**
   * The discovery document's endpoint {@code name}, checked for this use (host, https, addresses),
   * or null when the document has none.
   */
  private String endpoint(ProviderApp app, String name) {
    String url = text(metadata(app).get(name));
    if (url == null) {
      return null;
    }
    URI endpoint = checked("the discovery document's " + name, url);
    String host = host(endpoint);
    if (!host.equals(host(URI.create(app.issuer()))) && !app.allowedHosts().contains(host)) {
      throw new ProviderException(
          ID,
          ErrorCode.PROVIDER_CONFIGURATION_ERROR,
          "the discovery document's "
              + name
              + " is on "
              + clip(host)
              + ", neither the issuer's host nor one of the provider's allowedHosts");
    }
    return url;
  }

  /** {@code url}, once https and the address rule allow it. */
  private URI checked(String what, String url) {
    URI u;
    try {
      u = new URI(url);
    } catch (URISyntaxException e) {
      throw new ProviderException(
          ID, ErrorCode.PROVIDER_ERROR, what + " is not a URL: " + clip(url));
    }
    try {
      addresses().checkHttps(u);
    } catch (PublicAddresses.Refused e) {
      throw new ProviderException(
          ID,
          e.reason() == PublicAddresses.Reason.UNRESOLVED
              ? ErrorCode.NETWORK_ERROR
              : ErrorCode.PROVIDER_CONFIGURATION_ERROR,
          what + " " + clip(url) + " is refused: " + e.getMessage());
    }
    return u;
  }

  /** A URL's host as hosts are compared: lower case, without a trailing dot. */
  private static String host(URI u) {
    String host = u.getHost().toLowerCase(Locale.ROOT);
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }

  private static String clip(String s) {
    return s == null || s.length() <= 200 ? s : s.substring(0, 200);
  }

  @Override
  protected String authorizeUrl(ProviderApp app) {
    return endpoint(app, "authorization_endpoint");
  }

  @Override
  protected String tokenUrl(ProviderApp app) {
    return endpoint(app, "token_endpoint");
  }

  @Override
  protected String jwksUrl(ProviderApp app) {
    return endpoint(app, "jwks_uri");
  }

  @Override
  protected String userinfoUrl(ProviderApp app) {
    return endpoint(app, "userinfo_endpoint");
  }

  @Override
  protected String issuer(ProviderApp app) {
    return app.issuer();
  }

  /** A provider whose discovery document says it names itself in every authorization response. */
  @Override
  protected boolean requiresAuthorizationIssuer(ProviderApp app) {
    return metadata(app).getBoolean("authorization_response_iss_parameter_supported", false);
  }
}
