package io.junction.web.i18n;

import io.junction.api.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Error messages in the caller's language ({@code x_lang} or {@code lang}): English, Russian,
 * German, French, Spanish, Japanese and Simplified Chinese; anything else is answered in English,
 * as is a code a language does not translate.
 */
public final class Messages {

  /** The languages with translations, as Gigya names them. */
  public static final List<String> LANGUAGES = List.of("en", "ru", "de", "fr", "es", "ja", "zh-cn");

  private static final Map<String, Map<Integer, String>> BY_LANG = new HashMap<>();

  static {
    for (String lang : LANGUAGES) {
      if (!lang.equals("en")) {
        BY_LANG.put(lang, load(lang));
      }
    }
  }

  private Messages() {}

  /** The language code Junction answers in for a requested one ({@code ru-RU} -> {@code ru}). */
  public static String language(String requested) {
    if (requested == null || requested.isBlank()) {
      return "en";
    }
    String lang = requested.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    if (BY_LANG.containsKey(lang)) {
      return lang;
    }
    if (lang.startsWith("zh")) {
      return lang.equals("zh-tw") || lang.equals("zh-hk") ? "en" : "zh-cn";
    }
    int dash = lang.indexOf('-');
    String base = dash > 0 ? lang.substring(0, dash) : lang;
    return BY_LANG.containsKey(base) ? base : "en";
  }

  /** The message of a code in a language (as returned by {@link #language}). */
  public static String message(ErrorCode code, String lang) {
    Map<Integer, String> table = lang == null ? null : BY_LANG.get(lang);
    String translated = table == null ? null : table.get(code.code());
    return translated != null ? translated : code.message();
  }

  private static Map<Integer, String> load(String lang) {
    Properties p = new Properties();
    try (InputStream in =
        Messages.class.getResourceAsStream("/i18n/errors_" + lang + ".properties")) {
      if (in == null) {
        throw new IllegalStateException("Missing translations for " + lang);
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<Integer, String> out = new HashMap<>();
    p.forEach((k, v) -> out.put(Integer.parseInt(k.toString().trim()), v.toString().trim()));
    return out;
  }
}
