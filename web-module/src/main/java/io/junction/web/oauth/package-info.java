/**
 * The browser flows and Junction's own OAuth 2.0 credentials. {@link
 * io.junction.web.oauth.FirstLeg} checks socialize.login and socialize.addConnection and sends the
 * browser to the provider under a single-use state bound to the browser cookie; {@link
 * io.junction.web.oauth.CallbackLeg} completes the provider's callback (code exchange, profile,
 * link) and sends the browser back to the site with a code or token, or first to a confirmation
 * page ({@link io.junction.web.oauth.BrowserConfirmations}); {@link
 * io.junction.web.oauth.TokenService} and {@link io.junction.web.oauth.TokenGrants} issue and
 * redeem codes and tokens, stored only as digests. The database work of each step is a short
 * transaction of its own ({@code FirstLegTransactions}, {@code CallbackTransactions}); no
 * transaction is open while a provider is called.
 */
package io.junction.web.oauth;
