package io.junction.api;

/**
 * A photo at a provider; fields the provider did not give are null.
 *
 * @param providerPhotoId the photo's id at the provider
 * @param providerAlbumId its album's id
 * @param caption the text under it
 * @param thumbnailUrl a small picture
 * @param url the full-size picture
 * @param width width of the full-size picture in pixels
 * @param height its height
 */
public record Photo(
    String providerPhotoId,
    String providerAlbumId,
    String caption,
    String thumbnailUrl,
    String url,
    Integer width,
    Integer height) {}
