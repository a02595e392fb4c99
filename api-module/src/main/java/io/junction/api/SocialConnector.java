package io.junction.api;

import java.util.List;
import java.util.Map;

/**
 * One social network, as Junction talks to it: where to send the browser, how to turn the code that
 * comes back into tokens, and how to read the user's profile with them. Optional capabilities
 * (refreshing tokens, ...) are separate interfaces a connector declares by implementing them, never
 * stubs.
 *
 * <p>Connectors are stateless CDI beans; every call carries the site's application credentials.
 * Every failure is a {@link ProviderException} carrying a Gigya error code.
 */
public interface SocialConnector {

  /** The provider this connector speaks for, by its Gigya name. */
  ProviderInfo info();

  /** The URL of the provider's authorization page for this request. */
  String authorizationUrl(AuthorizationRequest request);

  /**
   * Exchanges the authorization code that came back to the callback for tokens; an OpenID Connect
   * connector also checks the id_token there.
   */
  ProviderTokens exchangeCode(ProviderApp app, CodeExchange exchange);

  /** Reads the profile of the user the tokens belong to. */
  SocialProfile fetchProfile(ProviderApp app, ProviderTokens tokens);

  /**
   * Checks that an access token a site hands over (socialize.notifyLogin's {@code
   * providerSessions}) was issued to the site's own application, where the provider can tell: a
   * token another application obtained from the user must not log the user in here. Throws a {@link
   * ProviderException} when it was not. Where the provider binds its tokens to the application
   * anyway (a signature or proof made with the application's secret on every call), there is
   * nothing more to check.
   */
  default void checkIssuedTo(ProviderApp app, ProviderTokens tokens) {}

  /**
   * Whether the provider takes a PKCE challenge (RFC 7636, S256) with its authorization requests.
   */
  default boolean supportsPkce() {
    return false;
  }

  /**
   * The longest {@code state} the provider takes and gives back unchanged. Junction seals a flow
   * into its state when it fits (up to about 1,200 characters) and otherwise stores the flow under
   * a short random state.
   */
  default int maxStateLength() {
    return Integer.MAX_VALUE;
  }

  /** Whether the provider takes an OpenID Connect nonce, to be checked in its id_token. */
  default boolean usesNonce() {
    return false;
  }

  /**
   * The connector's one capability list: what it can do with a connection besides logging in, each
   * with the provider permissions (scopes) it needs, which login and addConnection request when the
   * site switches the capability on. A connector implements the interface of each capability it
   * lists ({@link FriendsReader}, ...); a capability it does not list, it cannot do.
   */
  default Map<Capability, List<String>> capabilities() {
    return Map.of();
  }

  /**
   * The permissions an authorization request asks for: the site's configured ones (or the
   * provider's defaults) and {@code extra}, as the authorization URL carries them.
   */
  default List<String> requestedScopes(ProviderApp app, List<String> extra) {
    return extra;
  }
}
