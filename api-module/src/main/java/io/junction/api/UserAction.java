package io.junction.api;

import java.util.List;

/**
 * Gigya's UserAction, ready for a provider: text fields as the site gave them (null when absent),
 * links, and the images Junction has already fetched.
 *
 * @param title the action's title
 * @param linkBack an absolute URL back to the site
 * @param description a longer text
 * @param userMessage what the user wrote
 * @param images the image media items, fetched
 * @param actionLinks links under the post
 */
public record UserAction(
    String title,
    String linkBack,
    String description,
    String userMessage,
    List<Image> images,
    List<ActionLink> actionLinks) {

  public UserAction {
    images = List.copyOf(images);
    actionLinks = List.copyOf(actionLinks);
  }

  /** An image to upload with the post. */
  public record Image(String sourceUrl, String contentType, byte[] data) {

    /** The file name to upload the image under, from its type. */
    public String fileName() {
      return "image."
          + switch (contentType) {
            case "image/png" -> "png";
            case "image/gif" -> "gif";
            case "image/webp" -> "webp";
            default -> "jpg";
          };
    }
  }

  /** A link under the post. */
  public record ActionLink(String text, String href) {}

  /** The text of a post made of the action: the user's message, the title, the description. */
  public String text() {
    StringBuilder b = new StringBuilder();
    for (String part : new String[] {userMessage, title, description}) {
      if (part != null && !part.isBlank()) {
        if (b.length() > 0) {
          b.append("\n\n");
        }
        b.append(part.strip());
      }
    }
    return b.toString();
  }
}
