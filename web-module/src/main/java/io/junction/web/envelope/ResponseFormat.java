package io.junction.web.envelope;

import java.util.Locale;
import java.util.Optional;

/** The two wire formats of the Socialize API, chosen by the {@code format} parameter. */
public enum ResponseFormat {
  JSON("application/json;charset=utf-8"),
  XML("text/xml;charset=utf-8");

  private final String mediaType;

  ResponseFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  public String mediaType() {
    return mediaType;
  }

  /** The format a {@code format} parameter names; absent or blank means JSON. */
  public static Optional<ResponseFormat> parse(String value) {
    if (value == null || value.isBlank()) {
      return Optional.of(JSON);
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "json" -> Optional.of(JSON);
      case "xml" -> Optional.of(XML);
      default -> Optional.empty();
    };
  }
}
