package io.junction.provider.oidc;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderException;
import io.junction.api.ProviderInfo;
import io.junction.provider.support.OidcConnector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Any OpenID Connect provider a site names itself ({@code oidc-<name>}), found by its issuer URL:
 * the endpoints and key set come from {@code <issuer>/.well-known/openid-configuration} (kept ten
 * minutes), whose {@code issuer} must be the configured one.
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
          "Any OpenID Connect provider: register a confidential web client; Client ID and secret, and the issuer URL (Junction reads <issuer>/.well-known/openid-configuration); the callback is a redirect URI.");
  private static final Duration TTL = Duration.ofMinutes(10);

  private record Discovered(JsonObject metadata, Instant fetched) {}

  private final Map<String, Discovered> discovered = new ConcurrentHashMap<>();

  public GenericOidcConnector() {
    super(INFO, new Endpoints(null, null, null, null, null));
  }

  private JsonObject metadata(ProviderApp app) {
    String issuer = app.issuer();
    if (issuer == null) {
      throw new ProviderException(
          ID, ErrorCode.PROVIDER_CONFIGURATION_ERROR, "No issuer is configured");
    }
    Discovered d = discovered.get(issuer);
    if (d == null || d.fetched().plus(TTL).isBefore(Instant.now())) {
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
            "the discovery document names another issuer: " + text(m.get("issuer")));
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

  @Override
  protected String authorizeUrl(ProviderApp app) {
    return text(metadata(app).get("authorization_endpoint"));
  }

  @Override
  protected String tokenUrl(ProviderApp app) {
    return text(metadata(app).get("token_endpoint"));
  }

  @Override
  protected String jwksUrl(ProviderApp app) {
    return text(metadata(app).get("jwks_uri"));
  }

  @Override
  protected String userinfoUrl(ProviderApp app) {
    return text(metadata(app).get("userinfo_endpoint"));
  }

  @Override
  protected String issuer(ProviderApp app) {
    return app.issuer();
  }
}
