package io.junction.web.site;

import java.util.List;

/**
 * What an administrator sets on a site, already validated and normalised.
 *
 * @param name a label for people
 * @param domains host names (lower case, ASCII) the site may redirect to, with their subdomains
 * @param cname the site's own host name for Junction's endpoints, or null
 * @param dataCenter the data center the site lives in
 * @param retrieveContacts the site may read its users' contacts at their providers
 * @param social the switches of the social graph and actions besides retrieveContacts
 * @param revokeTokensOnSecretRotation whether a new site secret ends the tokens minted with the old
 *     one
 */
public record SiteSettings(
    String name,
    List<String> domains,
    String cname,
    String dataCenter,
    boolean retrieveContacts,
    boolean revokeTokensOnSecretRotation,
    List<String> redirectUris,
    boolean allowImplicit,
    boolean requirePkce,
    boolean connectConfirmation,
    GuestMerge guestMerge,
    SocialPermissions social) {

  public SiteSettings {
    domains = List.copyOf(domains);
    redirectUris = List.copyOf(redirectUris);
    social = social == null ? SocialPermissions.NONE : social;
  }

  /** Settings with every social switch but retrieveContacts off. */
  public SiteSettings(
      String name,
      List<String> domains,
      String cname,
      String dataCenter,
      boolean retrieveContacts,
      boolean revokeTokensOnSecretRotation,
      List<String> redirectUris,
      boolean allowImplicit,
      boolean requirePkce,
      boolean connectConfirmation,
      GuestMerge guestMerge) {
    this(
        name,
        domains,
        cname,
        dataCenter,
        retrieveContacts,
        revokeTokensOnSecretRotation,
        redirectUris,
        allowImplicit,
        requirePkce,
        connectConfirmation,
        guestMerge,
        SocialPermissions.NONE);
  }
}
