package io.junction.web.social;

import io.junction.api.ProviderInfo;
import io.junction.api.UserAction;
import io.junction.provider.ImageFetcher;
import io.junction.provider.ProviderCatalog;
import io.junction.web.envelope.ApiCall;
import io.junction.web.envelope.GigyaException;
import io.junction.web.envelope.JsonInput;
import io.junction.web.envelope.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gigya's UserAction as publishUserAction receives it: {@code userAction} (JSON: title, subtitle,
 * linkBack, description, userMessage, mediaItems, actionLinks) and a {@code <provider>UserAction}
 * per provider that overrides it. Every image media item is fetched here, before any provider is
 * called, through {@link ImageFetcher}; a refused one is 400006 naming it.
 */
@ApplicationScoped
public class UserActions {

  /** The most image media items one action may hold. */
  static final int MAX_IMAGES = 4;

  static final int MAX_TEXT = 5000;

  @Inject ImageFetcher images;
  @Inject ProviderCatalog catalog;

  /** The action, and the overrides by provider id. */
  public record Parsed(UserAction action, Map<String, UserAction> overrides) {
    public UserAction forProvider(String provider) {
      return overrides.getOrDefault(provider, action);
    }
  }

  public Parsed read(ApiCall call) {
    UserAction main = parse("userAction", Parameters.required(call, "userAction"));
    Map<String, UserAction> overrides = new HashMap<>();
    for (ProviderInfo p : catalog.all()) {
      String name = p.id() + "UserAction";
      String raw = call.paramOrNull(name);
      if (raw != null) {
        overrides.put(p.id(), parse(name, raw));
      }
    }
    return new Parsed(main, overrides);
  }

  UserAction parse(String parameter, String raw) {
    JsonObject o = JsonInput.objectParameter(parameter, raw);
    if (o == null) {
      throw GigyaException.missing(parameter);
    }
    String title = text(o, "title", parameter);
    String subtitle = text(o, "subtitle", parameter);
    String linkBack = link(text(o, "linkBack", parameter), parameter + ".linkBack");
    String description = text(o, "description", parameter);
    String userMessage = stripTags(text(o, "userMessage", parameter));
    List<UserAction.Image> fetched = new ArrayList<>();
    JsonArray media = array(o, "mediaItems", parameter);
    for (int i = 0; i < media.size(); i++) {
      String where = parameter + ".mediaItems[" + i + "]";
      if (!(media.get(i) instanceof JsonObject item)) {
        throw GigyaException.invalid(where, "must be an object");
      }
      String type = text(item, "type", where);
      if (type != null && !type.equalsIgnoreCase("image")) {
        continue; // flash and mp3 items: no network Junction posts to takes them
      }
      String src = text(item, "src", where);
      if (src == null) {
        throw GigyaException.missing(where + ".src");
      }
      if (fetched.size() == MAX_IMAGES) {
        throw GigyaException.invalid("mediaItems", "at most " + MAX_IMAGES + " images");
      }
      try {
        fetched.add(images.fetch(src));
      } catch (ImageFetcher.Refused e) {
        throw GigyaException.invalid(where + ".src", "the image " + e.getMessage());
      }
    }
    List<UserAction.ActionLink> links = new ArrayList<>();
    JsonArray actionLinks = array(o, "actionLinks", parameter);
    for (int i = 0; i < actionLinks.size(); i++) {
      String where = parameter + ".actionLinks[" + i + "]";
      if (!(actionLinks.get(i) instanceof JsonObject l)) {
        throw GigyaException.invalid(where, "must be an object");
      }
      String href = link(text(l, "href", where), where + ".href");
      if (href != null) {
        links.add(new UserAction.ActionLink(text(l, "text", where), href));
      }
    }
    String fullTitle =
        subtitle == null ? title : title == null ? subtitle : title + " — " + subtitle;
    UserAction action =
        new UserAction(fullTitle, linkBack, description, userMessage, fetched, links);
    if (action.text().isEmpty() && linkBack == null && fetched.isEmpty()) {
      throw GigyaException.invalid(parameter, "holds nothing to publish");
    }
    return action;
  }

  private static String text(JsonObject o, String key, String where) {
    JsonValue v = o.get(key);
    if (v == null || v == JsonValue.NULL) {
      return null;
    }
    if (!(v instanceof JsonString s)) {
      throw GigyaException.invalid(where + "." + key, "must be a string");
    }
    String t = s.getString().strip();
    if (t.length() > MAX_TEXT) {
      throw GigyaException.invalid(where + "." + key, "at most " + MAX_TEXT + " characters");
    }
    return t.isEmpty() ? null : t;
  }

  private static JsonArray array(JsonObject o, String key, String where) {
    JsonValue v = o.get(key);
    if (v == null || v == JsonValue.NULL) {
      return JsonValue.EMPTY_JSON_ARRAY;
    }
    if (!(v instanceof JsonArray a)) {
      throw GigyaException.invalid(where + "." + key, "must be an array");
    }
    return a;
  }

  /** An absolute http(s) URL, or null. */
  private static String link(String value, String where) {
    if (value == null) {
      return null;
    }
    try {
      URI u = new URI(value);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) {
        return value;
      }
    } catch (java.net.URISyntaxException e) {
      // refused below
    }
    throw GigyaException.invalid(where, "must be an absolute http or https URL");
  }

  /** The user message as text: Gigya keeps only b, i, u, strong, br and p, a post none. */
  static String stripTags(String s) {
    if (s == null) {
      return null;
    }
    String text =
        s.replaceAll("(?i)<\\s*(br|/p)\\s*/?\\s*>", "\n")
            .replaceAll("<[^>]*>", "")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
            .strip();
    return text.isEmpty() ? null : text;
  }
}
