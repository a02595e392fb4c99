/**
 * What every connector shares: the OAuth 2.0 flow ({@link
 * io.junction.provider.support.OAuth2Connector}), OpenID Connect with id_token verification ({@link
 * io.junction.provider.support.OidcConnector}, {@link io.junction.provider.support.IdTokens}),
 * reading providers' answers in one way, and the HTTP client ({@link
 * io.junction.provider.support.ProviderHttp}). A connector package holds only its network's facts
 * and quirks.
 */
package io.junction.provider.support;
