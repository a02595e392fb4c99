package io.junction.web.caller;

/**
 * The administrator of the admin API and console, once proven: the user name they signed in with
 * and the address they called from (the connection's peer, or behind a proxy of {@code
 * junction.trusted-proxies} the client it names; see {@link ClientAddress#address}), or a site's
 * own server call to a configuration method ({@link #of(Caller, String)}).
 */
public record Administrator(String user, String address) {

  /**
   * A site's server call that changes its configuration (a {@code fidm.saml.*} method) as the audit
   * log names its author: {@code site:<apiKey>} for the site's secret, {@code userKey:<userKey>}
   * for an application key.
   */
  public static Administrator of(Caller caller, String address) {
    return new Administrator(
        caller.application() == null
            ? "site:" + caller.site().apiKey()
            : "userKey:" + caller.application().userKey(),
        address);
  }
}
