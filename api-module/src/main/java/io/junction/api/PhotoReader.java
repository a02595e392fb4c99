package io.junction.api;

import java.util.List;

/** A connector capability ({@link Capability#PHOTOS}): the user's albums and their photos. */
public interface PhotoReader {

  List<Album> albums(ProviderApp app, ProviderSession session);

  /** The photos of one of the user's albums. */
  List<Photo> photos(ProviderApp app, ProviderSession session, String providerAlbumId);
}
