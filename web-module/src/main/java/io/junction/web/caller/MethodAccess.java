package io.junction.web.caller;

import java.util.Map;

/**
 * Who may call each server method of the Socialize API. A method missing here takes no caller
 * authentication of this kind: socialize.login (any browser, by client_id), socialize.addConnection
 * (a browser with an oauth_token, {@link Authentication#browserToken}), socialize.getToken (client
 * authentication, {@link Authentication#tokenClient}).
 */
public enum MethodAccess {
  /**
   * About a user: the user's own oauth_token, or a server credential naming the user with {@code
   * UID}.
   */
  USER,
  /** A server credential (secret, signature, or a server token); {@code UID} optional. */
  SERVER,
  /** A server credential about the user named by {@code UID}. */
  SERVER_ABOUT_USER,
  /**
   * The site's own credentials: its secret, or an application key (secret, signature or JWT)
   * permitted the method; no oauth_token, not even a server one. The site's configuration methods.
   */
  SITE;

  private static final Map<String, MethodAccess> METHODS =
      Map.ofEntries(
          Map.entry("socialize.getUserInfo", USER),
          Map.entry("socialize.removeConnection", USER),
          Map.entry("socialize.getSessionInfo", USER),
          Map.entry("socialize.logout", USER),
          Map.entry("socialize.getFriendsInfo", USER),
          Map.entry("socialize.getContacts", USER),
          Map.entry("socialize.setStatus", USER),
          Map.entry("socialize.publishUserAction", USER),
          Map.entry("socialize.getAlbums", USER),
          Map.entry("socialize.getPhotos", USER),
          Map.entry("socialize.notifyLogin", SERVER),
          Map.entry("socialize.exchangeUIDSignature", SERVER),
          Map.entry("socialize.setUID", SERVER_ABOUT_USER),
          Map.entry("socialize.notifyRegistration", SERVER_ABOUT_USER),
          Map.entry("socialize.deleteAccount", SERVER_ABOUT_USER),
          Map.entry("fidm.saml.registerIdP", SITE),
          Map.entry("fidm.saml.getRegisteredIdPs", SITE),
          Map.entry("fidm.saml.importIdPMetadata", SITE),
          Map.entry("fidm.saml.delIdP", SITE),
          Map.entry("fidm.saml.getConfig", SITE));

  /** The access rule of a server method. */
  /** Whether the method is a server method this class knows. */
  public static boolean known(String method) {
    return METHODS.containsKey(method);
  }

  public static MethodAccess of(String method) {
    MethodAccess access = METHODS.get(method);
    if (access == null) {
      throw new IllegalArgumentException(method + " is not a server method");
    }
    return access;
  }
}
