package io.junction.web.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The texts of the pages Junction shows a browser in the middle of a flow, in the languages of
 * {@link Messages#LANGUAGES} ({@code i18n/pages_<lang>.properties}). A text a language does not
 * translate is shown in English.
 */
public final class PageTexts {

  private static final Map<String, Map<String, String>> BY_LANG = new HashMap<>();

  static {
    for (String lang : Messages.LANGUAGES) {
      BY_LANG.put(lang, load(lang));
    }
  }

  private PageTexts() {}

  /**
   * The text of a key in a language (as {@link Messages#language} names it); the English one when
   * the language has none. {@link IllegalArgumentException} for a key English does not have.
   */
  public static String text(String lang, String key) {
    return text(BY_LANG.get(lang), BY_LANG.get("en"), key);
  }

  static String text(Map<String, String> table, Map<String, String> english, String key) {
    String translated = table == null ? null : table.get(key);
    if (translated != null) {
      return translated;
    }
    String en = english.get(key);
    if (en == null) {
      throw new IllegalArgumentException("No page text " + key);
    }
    return en;
  }

  /** The keys and texts of a language, as loaded. */
  static Map<String, String> table(String lang) {
    return Map.copyOf(BY_LANG.getOrDefault(lang, Map.of()));
  }

  private static Map<String, String> load(String lang) {
    Properties p = new Properties();
    try (InputStream in =
        PageTexts.class.getResourceAsStream("/i18n/pages_" + lang + ".properties")) {
      if (in == null) {
        throw new IllegalStateException("Missing page texts for " + lang);
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> out = new HashMap<>();
    p.forEach((k, v) -> out.put(k.toString().trim(), v.toString().trim()));
    return out;
  }
}
