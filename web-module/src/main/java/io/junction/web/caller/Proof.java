package io.junction.web.caller;

/** How a caller proved who it is. */
public enum Proof {
  /** The site's secret, or an application key's, sent in clear over HTTPS. */
  SECRET,
  /** A request signed with the site's, an application key's or a mobile session's secret. */
  SIGNATURE,
  /**
   * An RS256 JWT signed by an RSA application key's private key ({@code Authorization: Bearer}).
   */
  JWT,
  /** An oauth_token Junction issued. */
  OAUTH_TOKEN,
  /**
   * socialize.getToken's client authentication (client_secret, Basic, or an application key by its
   * secret or its JWT).
   */
  CLIENT_CREDENTIALS
}
