package io.junction.api;

/**
 * One of the user's address-book contacts at a provider; fields the provider did not give are null.
 *
 * @param email the contact's e-mail address
 * @param firstName given name
 * @param lastName family name
 * @param nickname the display name
 * @param photoUrl a picture
 */
public record Contact(
    String email, String firstName, String lastName, String nickname, String photoUrl) {}
