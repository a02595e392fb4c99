package io.junction.provider.support;

import io.junction.api.CodeExchange;
import io.junction.api.ErrorCode;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderException;
import io.junction.api.ProviderInfo;
import io.junction.api.ProviderTokens;
import io.junction.api.SocialProfile;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OpenID Connect provider: the OAuth 2.0 flow with a nonce and PKCE, and the id_token of the
 * token answer verified ({@link IdTokens}) against the provider's key set, fetched from {@code
 * junction.provider.<id>.jwks-url} and kept for ten minutes (fetched again at once when a token
 * names an unknown key). The profile is the id_token's claims, completed from the userinfo endpoint
 * when they hold no name. The issuer an authorization response names ({@code iss}) must be the
 * provider's before its code is exchanged.
 */
public abstract class OidcConnector extends OAuth2Connector {

  /**
   * A provider's real endpoints, each overridable as {@code junction.provider.<id>.<name>-url} (the
   * issuer as {@code junction.provider.<id>.issuer}).
   *
   * @param userinfo the userinfo endpoint, or null when the id_token is all there is
   */
  public record Endpoints(
      String authorize, String token, String issuer, String jwks, String userinfo) {}

  private static final Duration JWKS_TTL = Duration.ofMinutes(10);

  private final ProviderInfo info;
  private final Endpoints endpoints;

  /** A provider known by its description and endpoints. */
  protected OidcConnector(ProviderInfo info, Endpoints endpoints) {
    this.info = info;
    this.endpoints = endpoints;
  }

  @Override
  public ProviderInfo info() {
    return info;
  }

  @Override
  protected String defaultAuthorizeUrl() {
    return endpoints.authorize();
  }

  @Override
  protected String defaultTokenUrl() {
    return endpoints.token();
  }

  private record CachedKeys(JsonObject keys, Instant fetched) {}

  private final Map<String, CachedKeys> jwks = new ConcurrentHashMap<>();

  /** The provider's issuer, as its id_tokens name it. */
  protected String defaultIssuer() {
    return endpoints.issuer();
  }

  protected String defaultJwksUrl() {
    return endpoints.jwks();
  }

  /** The userinfo endpoint, or null when the id_token is all there is. */
  protected String defaultUserinfoUrl() {
    return endpoints.userinfo();
  }

  /** The issuer this application's id_tokens must name. */
  protected String issuer(ProviderApp app) {
    return issuer();
  }

  /** The key set of this application's provider. */
  protected String jwksUrl(ProviderApp app) {
    return url("jwks", defaultJwksUrl());
  }

  /** The userinfo endpoint of this application's provider, or null. */
  protected String userinfoUrl(ProviderApp app) {
    return defaultUserinfoUrl() == null ? null : url("userinfo", defaultUserinfoUrl());
  }

  protected String issuer() {
    if (config == null) {
      return defaultIssuer();
    }
    return config
        .getOptionalValue("junction.provider." + id() + ".issuer", String.class)
        .orElse(defaultIssuer());
  }

  /** Whether the id_token's issuer is the provider's; exact by default. */
  protected boolean issuerMatches(ProviderApp app, String issuer, JsonObject claims) {
    return issuer(app).equals(issuer);
  }

  @Override
  public boolean supportsPkce() {
    return true;
  }

  @Override
  public boolean usesNonce() {
    return true;
  }

  /**
   * Whether {@code iss}, the issuer the provider named in its authorization response, is this
   * application's provider; exact by default.
   */
  protected boolean authorizationIssuerMatches(ProviderApp app, String iss) {
    return issuer(app).equals(iss);
  }

  /**
   * Whether this application's provider declares that it names itself in every authorization
   * response ({@code authorization_response_iss_parameter_supported}), so that a response without
   * {@code iss} is refused; false by default.
   */
  protected boolean requiresAuthorizationIssuer(ProviderApp app) {
    return false;
  }

  /**
   * A code is exchanged only at the provider the browser was sent to: when the authorization
   * response names an issuer, it must be this application's provider, else the code came from
   * another provider (a mix-up) and goes to no token endpoint. Refused with 403017: the provider's
   * answer belongs to another provider's login than this flow's, as a user other than the expected
   * one does, and nothing about it is worth retrying.
   */
  private void checkAuthorizationIssuer(ProviderApp app, String iss) {
    if (iss == null) {
      if (requiresAuthorizationIssuer(app)) {
        throw new ProviderException(
            id(),
            ErrorCode.UNEXPECTED_PROVIDER_USER,
            "the authorization response names no issuer, though "
                + issuer(app)
                + " names itself in every one: the code was not used");
      }
      return;
    }
    if (!authorizationIssuerMatches(app, iss)) {
      throw new ProviderException(
          id(),
          ErrorCode.UNEXPECTED_PROVIDER_USER,
          "the authorization response comes from the issuer "
              + printable(iss)
              + ", not from "
              + issuer(app)
              + " where this login was sent: the code was not used");
    }
  }

  /** Text from the request as it may appear in a message: printable ASCII, clipped. */
  private static String printable(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length() && out.length() < 200; i++) {
      char c = s.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return out.toString();
  }

  @Override
  public ProviderTokens exchangeCode(ProviderApp app, CodeExchange exchange) {
    checkAuthorizationIssuer(app, exchange.issuer());
    ProviderTokens tokens = super.exchangeCode(app, exchange);
    String idToken = tokens.extras().get("id_token");
    if (idToken == null) {
      throw new ProviderException(id(), ErrorCode.PROVIDER_ERROR, id() + " returned no id_token");
    }
    String jwksUrl = jwksUrl(app);
    JsonObject keys = keys(jwksUrl, false);
    if (!IdTokens.knowsKey(keys, idToken)) {
      keys = keys(jwksUrl, true); // the provider may have rotated its keys since they were fetched
    }
    JsonObject claims = IdTokens.verify(id(), idToken, keys, app.appId(), exchange.nonce());
    if (!issuerMatches(app, claims.getString("iss", ""), claims)) {
      throw new ProviderException(
          id(),
          ErrorCode.PROVIDER_ERROR,
          "the id_token was issued by "
              + claims.getString("iss", "nobody")
              + ", not "
              + issuer(app));
    }
    Map<String, String> extras = new HashMap<>(tokens.extras());
    extras.put("id_token_claims", claims.toString());
    return new ProviderTokens(
        tokens.accessToken(), tokens.refreshToken(), tokens.expiresIn(), extras);
  }

  private JsonObject keys(String url, boolean fresh) {
    CachedKeys cached = jwks.get(url);
    if (fresh || cached == null || cached.fetched().plus(JWKS_TTL).isBefore(Instant.now())) {
      JsonObject keys =
          apiAnswer(
              id() + " key set",
              http.get(id(), url, Map.of(), null),
              k -> k.get("keys") instanceof JsonArray ? null : "no keys");
      cached = new CachedKeys(keys, Instant.now());
      jwks.put(url, cached);
    }
    return cached.keys();
  }

  @Override
  public SocialProfile fetchProfile(ProviderApp app, ProviderTokens tokens) {
    String idTokenClaims = tokens.extras().get("id_token_claims");
    String userinfo = userinfoUrl(app);
    if (idTokenClaims == null) {
      return profile(sessionUserinfo(userinfo, tokens));
    }
    JsonObject claims = IdTokens.parse(idTokenClaims);
    if (userinfo != null && !claims.containsKey("name")) {
      JsonObject info =
          apiAnswer(
              id() + " userinfo",
              http.get(id(), userinfo, Map.of(), "Bearer " + tokens.accessToken()),
              i -> null);
      if (!text(claims.get("sub")).equals(text(info.get("sub")))) {
        throw new ProviderException(
            id(), ErrorCode.UNEXPECTED_PROVIDER_USER, id() + " userinfo names another user");
      }
      var merged = jakarta.json.Json.createObjectBuilder(info);
      claims.forEach(merged::add);
      claims = merged.build();
    }
    return profile(claims);
  }

  /**
   * The user of an access token that came without an id_token (a session the site hands over, as
   * notifyLogin's providerSessions): only the userinfo endpoint can say whose it is.
   */
  private JsonObject sessionUserinfo(String userinfo, ProviderTokens tokens) {
    if (userinfo == null) {
      throw new ProviderException(
          id(),
          ErrorCode.NOT_SUPPORTED,
          id() + " has no userinfo endpoint to read the user of an access token");
    }
    JsonObject info =
        apiAnswer(
            id() + " userinfo",
            http.get(id(), userinfo, Map.of(), "Bearer " + tokens.accessToken()),
            i -> null);
    if (text(info.get("sub")) == null) {
      throw new ProviderException(
          id(), ErrorCode.PROVIDER_ERROR, id() + " userinfo names no user (no sub)");
    }
    return info;
  }

  /** The standard claims as a profile; a provider maps its own claims by overriding. */
  protected SocialProfile profile(JsonObject c) {
    return new SocialProfile(
        userId(text(c.get("sub")), id() + " id_token or userinfo"),
        text(c.get("name")),
        text(c.get("given_name")),
        text(c.get("family_name")),
        text(c.get("email")),
        text(c.get("picture")),
        text(c.get("picture")),
        text(c.get("profile")),
        gender(text(c.get("gender"))),
        text(c.get("birthdate")),
        text(c.get("locale")));
  }
}
