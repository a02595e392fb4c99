package io.junction.web.site;

/**
 * A site's switches of the social graph and actions besides {@code retrieveContacts} (Gigya's
 * console permissions), all off by default. When one is on, login and addConnection ask each
 * provider for the permissions it needs; when off, its methods answer 403022.
 *
 * @param retrieveFriends socialize.getFriendsInfo
 * @param publishStatus socialize.setStatus
 * @param publishUserActions socialize.publishUserAction
 * @param retrievePhotos socialize.getAlbums and socialize.getPhotos
 */
public record SocialPermissions(
    boolean retrieveFriends,
    boolean publishStatus,
    boolean publishUserActions,
    boolean retrievePhotos) {

  /** Every switch off. */
  public static final SocialPermissions NONE = new SocialPermissions(false, false, false, false);
}
