package io.junction.api;

/**
 * What a connector can do with a user's connection besides logging in: the social graph and the
 * social actions of Gigya's Socialize API. Each is a site permission (a console switch) and a
 * connector interface.
 */
public enum Capability {
  /** socialize.getFriendsInfo ({@link FriendsReader}). */
  FRIENDS,
  /** socialize.getContacts ({@link ContactsReader}). */
  CONTACTS,
  /** socialize.setStatus ({@link StatusPublisher}). */
  STATUS,
  /** socialize.publishUserAction ({@link UserActionPublisher}). */
  USER_ACTIONS,
  /** socialize.getAlbums and socialize.getPhotos ({@link PhotoReader}). */
  PHOTOS;

  /** The name the console and the admin API show ({@code friends}, {@code userActions}, ...). */
  public String label() {
    return switch (this) {
      case FRIENDS -> "friends";
      case CONTACTS -> "contacts";
      case STATUS -> "status";
      case USER_ACTIONS -> "userActions";
      case PHOTOS -> "photos";
    };
  }
}
