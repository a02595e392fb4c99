package io.junction.web.caller;

import io.junction.web.account.Account;
import io.junction.web.oauth.OAuthToken;
import io.junction.web.site.ApplicationKey;
import io.junction.web.site.Site;

/**
 * Who is calling, once proven: the site, how it proved itself, the application key it used (or null
 * for the site's own secret), the oauth_token it presented (or null), the account the call is about
 * (or null), and whether the call came over HTTPS.
 *
 * @param tokenValue the oauth_token in clear, only to end it at logout; never logged
 */
public record Caller(
    Site site,
    Proof proof,
    ApplicationKey application,
    OAuthToken token,
    String tokenValue,
    Account account,
    boolean secure) {

  /** Whether the caller holds a server credential (a secret, or a server token), not a user's. */
  public boolean server() {
    return proof != Proof.OAUTH_TOKEN || token.kind() == OAuthToken.Kind.SERVER;
  }

  /** Whether the caller is a logged-in user's session. */
  public boolean userSession() {
    return proof == Proof.OAUTH_TOKEN && token.kind() == OAuthToken.Kind.USER;
  }

  /** Whether the caller may call the method: always with the site's secret, else by the key. */
  public boolean permits(String method) {
    return application == null || application.permits(method);
  }

  /**
   * The client a token minted for this caller records: a token passes on its own, else the
   * application key or the site secret.
   */
  public OAuthToken.Client client() {
    if (token != null) {
      return token.client();
    }
    return application != null
        ? OAuthToken.Client.applicationKey(application.userKey())
        : OAuthToken.Client.SITE_SECRET;
  }

  /** The same caller, about another account. */
  Caller about(Account other) {
    return new Caller(site, proof, application, token, tokenValue, other, secure);
  }
}
