package io.junction.provider.support;

import io.junction.api.AuthorizationRequest;
import io.junction.api.CodeExchange;
import io.junction.api.ErrorCode;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderException;
import io.junction.api.ProviderTokens;
import io.junction.api.SocialConnector;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * The OAuth 2.0 authorization-code flow that most providers share: the authorization URL, the code
 * exchange (JSON or {@code a=b&c=d} token bodies), refresh, and the checks around them (HTTP status
 * before parsing, the provider's error fields). A provider's connector adds only its quirks through
 * the hooks.
 *
 * <p>Every URL is a MicroProfile Config key {@code junction.provider.<id>.<name>-url} whose default
 * is the provider's real endpoint.
 */
public abstract class OAuth2Connector implements SocialConnector {

  @Inject protected ProviderHttp http;

  /** MicroProfile Config; absent outside a container (unit tests), where the defaults apply. */
  @Inject protected Config config;

  /** The provider's authorization endpoint (the real one: configuration may override it). */
  protected abstract String defaultAuthorizeUrl();

  /** The provider's token endpoint. */
  protected abstract String defaultTokenUrl();

  /** How the provider separates scopes in {@code scope}. */
  protected String scopeSeparator() {
    return " ";
  }

  /**
   * Whether the client authenticates at the token endpoint with HTTP Basic (Twitter) instead of
   * client_secret in the form.
   */
  protected boolean tokenClientAuthBasic() {
    return false;
  }

  /** Whether the token endpoint takes a GET with the parameters in the query (VK, Facebook). */
  protected boolean tokenRequestByGet() {
    return false;
  }

  /** Adds the provider's own authorization parameters (display, layout, API version, ...). */
  protected void addAuthorizationParams(AuthorizationRequest request, Map<String, String> params) {}

  private final Map<String, String> urls = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The configured URL {@code junction.provider.<id>.<name>-url}, or the default; read once (the
   * configuration of a running server does not change).
   */
  protected String url(String name, String defaultValue) {
    if (config == null) {
      return defaultValue;
    }
    return urls.computeIfAbsent(
        name,
        n ->
            config
                .getOptionalValue(
                    "junction.provider." + info().id() + "." + n + "-url", String.class)
                .orElse(defaultValue));
  }

  protected String id() {
    return info().id();
  }

  /** The authorization endpoint for this application (configured, or the provider's). */
  protected String authorizeUrl(ProviderApp app) {
    return url("authorize", defaultAuthorizeUrl());
  }

  /** The token endpoint for this application. */
  protected String tokenUrl(ProviderApp app) {
    return url("token", defaultTokenUrl());
  }

  @Override
  public String authorizationUrl(AuthorizationRequest request) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("client_id", request.app().appId());
    params.put("response_type", "code");
    params.put("redirect_uri", request.redirectUri());
    String scope = String.join(scopeSeparator(), scopes(request.app(), request.extraPermissions()));
    if (!scope.isEmpty()) {
      params.put("scope", scope);
    }
    params.put("state", request.state());
    if (request.codeChallenge() != null && supportsPkce()) {
      params.put("code_challenge", request.codeChallenge());
      params.put("code_challenge_method", "S256");
    }
    if (request.nonce() != null && usesNonce()) {
      params.put("nonce", request.nonce());
    }
    addAuthorizationParams(request, params);
    return ProviderHttp.withQuery(authorizeUrl(request.app()), params);
  }

  @Override
  public List<String> requestedScopes(ProviderApp app, List<String> extra) {
    return scopes(app, extra);
  }

  /**
   * The configured permissions (or the provider's defaults) and the extra ones, without repeats.
   */
  protected List<String> scopes(ProviderApp app, List<String> extra) {
    Set<String> all =
        new LinkedHashSet<>(
            app.permissions().isEmpty() ? info().defaultPermissions() : app.permissions());
    all.addAll(extra);
    return List.copyOf(all);
  }

  @Override
  public ProviderTokens exchangeCode(ProviderApp app, CodeExchange exchange) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", exchange.code());
    form.put("client_id", app.appId());
    String basic = null;
    if (tokenClientAuthBasic()) {
      basic =
          "Basic "
              + java.util.Base64.getEncoder()
                  .encodeToString(
                      (enc(app.appId()) + ":" + enc(app.secretKey()))
                          .getBytes(StandardCharsets.UTF_8));
    } else {
      form.put("client_secret", app.secretKey());
    }
    form.put("redirect_uri", exchange.redirectUri());
    if (exchange.codeVerifier() != null && supportsPkce()) {
      form.put("code_verifier", exchange.codeVerifier());
    }
    String tokenUrl = tokenUrl(app);
    return tokens(
        tokenRequestByGet()
            ? http.get(id(), tokenUrl, form, null)
            : http.postForm(id(), tokenUrl, form, basic),
        null);
  }

  /**
   * Renews the tokens with a refresh token (for connectors that declare {@code TokenRefresher}).
   */
  protected ProviderTokens refreshTokens(ProviderApp app, String refreshToken) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    form.put("client_id", app.appId());
    form.put("client_secret", app.secretKey());
    return tokens(http.postForm(id(), tokenUrl(app), form), refreshToken);
  }

  /** Reads a token response: HTTP status first, then the provider's error fields, then tokens. */
  public ProviderTokens tokens(ProviderHttp.Answer answer, String previousRefreshToken) {
    Map<String, String> fields = fields(answer);
    if (!answer.ok() || fields.containsKey("error") || fields.containsKey("error_code")) {
      throw new ProviderException(
          id(),
          ErrorCode.PROVIDER_ERROR,
          id() + " refused the token request: " + describeError(answer, fields));
    }
    String accessToken = fields.remove("access_token");
    if (accessToken == null || accessToken.isEmpty()) {
      throw new ProviderException(
          id(), ErrorCode.PROVIDER_ERROR, id() + " returned no access_token");
    }
    String refresh = fields.remove("refresh_token");
    Long expiresIn = null;
    String expires = fields.remove("expires_in");
    if (expires != null && !expires.isEmpty()) {
      try {
        expiresIn = Long.parseLong(expires.trim());
      } catch (NumberFormatException e) {
        throw new ProviderException(
            id(), ErrorCode.PROVIDER_ERROR, id() + " returned a bad expires_in");
      }
    }
    return new ProviderTokens(
        accessToken, refresh != null ? refresh : previousRefreshToken, expiresIn, fields);
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /**
   * The top-level fields of a JSON object or form-encoded body, as strings; a field whose value is
   * JSON null is left out.
   */
  protected Map<String, String> fields(ProviderHttp.Answer answer) {
    String body = answer.body() == null ? "" : answer.body().trim();
    Map<String, String> out = new HashMap<>();
    if (body.startsWith("{")) {
      JsonObject json = json(answer);
      for (Map.Entry<String, JsonValue> e : json.entrySet()) {
        String v = text(e.getValue());
        if (v != null) {
          out.put(e.getKey(), v);
        }
      }
    } else if (!body.isEmpty() && body.contains("=") && !body.startsWith("<")) {
      try {
        for (String pair : body.split("&")) {
          int eq = pair.indexOf('=');
          if (eq > 0) {
            out.put(
                URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
          }
        }
      } catch (IllegalArgumentException badEscape) {
        throw unreadable();
      }
    } else if (answer.ok()) {
      throw unreadable();
    }
    return out;
  }

  private ProviderException unreadable() {
    return new ProviderException(
        id(), ErrorCode.PROVIDER_ERROR, id() + " answered a body that cannot be read");
  }

  /** Parses a JSON object body; anything else is a provider error. */
  protected JsonObject json(ProviderHttp.Answer answer) {
    try {
      return JsonBodies.object(answer.body());
    } catch (RuntimeException e) {
      throw new ProviderException(
          id(),
          ErrorCode.PROVIDER_ERROR,
          id() + " answered malformed JSON (HTTP " + answer.status() + ")");
    }
  }

  /** The JSON a body holds whatever the HTTP status, or null when it holds none. */
  protected static JsonValue jsonOrNull(ProviderHttp.Answer answer) {
    try {
      return JsonBodies.value(answer.body() == null ? "" : answer.body());
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Any JSON value of a 2xx answer (an object, an array, a string): an HTTP status other than 2xx,
   * or a body that is no JSON, is a provider error naming the call.
   */
  protected JsonValue jsonValue(String call, ProviderHttp.Answer answer) {
    JsonValue value = null;
    try {
      value = JsonBodies.value(answer.body() == null ? "" : answer.body());
    } catch (RuntimeException e) {
      // refused below
    }
    if (!answer.ok() || value == null) {
      throw new ProviderException(
          id(),
          ErrorCode.PROVIDER_ERROR,
          call + " failed: HTTP " + answer.status() + (value == null ? ", no JSON" : ""));
    }
    return value;
  }

  /**
   * The JSON object of an API call's answer, or the provider error the answer is: an HTTP status
   * other than 2xx, or a body in which {@code error} finds the provider's error (many providers
   * answer errors with HTTP 200). The error's message names the call, the HTTP status and what
   * {@code error} said; a 2xx body that is not JSON is a provider error too.
   *
   * @param call the call as the message names it ({@code users.get})
   * @param error the provider's error in a body, as text for the message (see {@link
   *     #errorFields}), or null when the body is no error
   */
  protected JsonObject apiAnswer(
      String call, ProviderHttp.Answer answer, Function<JsonObject, String> error) {
    JsonObject body = null;
    try {
      body = json(answer);
    } catch (ProviderException unreadable) {
      if (answer.ok()) {
        throw unreadable;
      }
    }
    String why = body == null ? null : error.apply(body);
    if (answer.ok() && why == null) {
      return body;
    }
    throw new ProviderException(
        id(),
        ErrorCode.PROVIDER_ERROR,
        call
            + " failed: HTTP "
            + answer.status()
            + (why == null || why.isEmpty() ? "" : ", " + why));
  }

  /**
   * The fields of a provider's error that it has, for a message: {@code "error_code=5,
   * error_msg=User authorization failed"}, each value clipped to 200 characters; empty when it has
   * none of them.
   */
  protected static String errorFields(JsonObject error, String... names) {
    StringJoiner out = new StringJoiner(", ");
    for (String name : names) {
      String v = text(error.get(name));
      if (v != null) {
        out.add(name + "=" + (v.length() > 200 ? v.substring(0, 200) : v));
      }
    }
    return out.toString();
  }

  /**
   * The user's id at the provider, which every profile needs: a provider error when the answer
   * holds none (absent, null or empty).
   *
   * @param call the call as the message names it ({@code users/me})
   */
  protected String userId(String value, String call) {
    if (value == null || value.isEmpty()) {
      throw new ProviderException(id(), ErrorCode.PROVIDER_ERROR, call + " returned no user id");
    }
    return value;
  }

  /** A JSON value as text: strings unquoted, numbers and booleans as written, null as null. */
  /**
   * For {@link SocialConnector#checkIssuedTo}: asks the provider's token-information endpoint
   * ({@code name}, a {@code junction.provider.<id>.<name>-url} setting) about the access token and
   * requires one of {@code clientFields} of its answer to be the site's application ID; 403025 when
   * the provider does not know the token or names another application.
   */
  protected void requireIssuedTo(
      ProviderApp app,
      ProviderTokens tokens,
      String name,
      String defaultUrl,
      String... clientFields) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("access_token", tokens.accessToken());
    ProviderHttp.Answer answer = http.get(id(), url(name, defaultUrl), q, null);
    JsonObject info = jsonOrNull(answer) instanceof JsonObject o ? o : null;
    if (!answer.ok() || info == null) {
      throw new ProviderException(
          id(),
          ErrorCode.INVALID_TOKEN,
          info().displayName() + " does not know the token (HTTP " + answer.status() + ")");
    }
    for (String field : clientFields) {
      if (app.appId().equals(text(info.get(field)))) {
        return;
      }
    }
    throw new ProviderException(
        id(),
        ErrorCode.INVALID_TOKEN,
        "The token was issued to another " + info().displayName() + " application");
  }

  protected static String text(JsonValue v) {
    return JsonBodies.text(v);
  }

  /**
   * A provider's {@code male} or {@code female} as Gigya's {@code m} or {@code f}, else {@code u}.
   */
  protected static String gender(String value) {
    return value == null ? null : value.equals("male") ? "m" : value.equals("female") ? "f" : "u";
  }

  private static String describeError(ProviderHttp.Answer answer, Map<String, String> fields) {
    StringBuilder b = new StringBuilder("HTTP ").append(answer.status());
    for (String key : List.of("error", "error_code", "error_description", "error_msg")) {
      String v = fields.get(key);
      if (v != null) {
        b.append(", ").append(key).append('=').append(v.length() > 200 ? v.substring(0, 200) : v);
      }
    }
    return b.toString();
  }
}
