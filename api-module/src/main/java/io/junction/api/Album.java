package io.junction.api;

/**
 * A photo album at a provider; fields the provider did not give are null.
 *
 * @param providerAlbumId the album's id at the provider
 * @param name the title
 * @param description the description
 * @param count how many photos it holds
 * @param thumbnailUrl its cover picture
 * @param url its page at the provider
 * @param publicAlbum whether anyone may see it
 */
public record Album(
    String providerAlbumId,
    String name,
    String description,
    Integer count,
    String thumbnailUrl,
    String url,
    Boolean publicAlbum) {}
