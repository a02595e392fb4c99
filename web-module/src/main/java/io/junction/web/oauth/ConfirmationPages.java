package io.junction.web.oauth;

import io.junction.web.i18n.PageTexts;
import jakarta.ws.rs.core.NewCookie;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages that ask the user in the middle of a flow, in the flow's language: whether to add the
 * browser's guest connections to the account being logged into, and whether to connect a network to
 * an account whose token another browser obtained.
 *
 * <p>Each page is one HTML document with no script and no resource of its own: its one style sheet
 * is inline and allowed by its digest. Its Content-Security-Policy allows nothing else, no framing,
 * and form submissions only to Junction itself and to where the answer redirects (the site's
 * redirect_uri, the provider). Every value in the page is HTML-escaped. The form carries the page's
 * single-use value to {@value #ACTION} by POST.
 */
public final class ConfirmationPages {

  /** Where the pages' forms are posted. */
  public static final String ACTION = "/GS/confirm";

  /** The form field of the page's single-use value. */
  public static final String VALUE_FIELD = "confirmation";

  /** The form field of the user's choice. */
  public static final String CHOICE_FIELD = "choice";

  /** The choice that goes on (merge, or connect). */
  public static final String CONTINUE = "continue";

  /** The choice that logs in without the guest connections. */
  public static final String SKIP = "skip";

  /** The choice that gives up the connection. */
  public static final String CANCEL = "cancel";

  private static final String STYLE =
      "body{font-family:system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1d2129}"
          + "main{max-width:32rem;margin:3rem auto;padding:1.5rem 2rem;background:#fff;"
          + "border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.15)}"
          + "h1{font-size:1.3rem}li{margin:.3rem 0}.warn{color:#8a1c1c}"
          + "form{display:flex;gap:.75rem;margin-top:1.5rem}"
          + "button{font-size:1rem;padding:.5rem 1.2rem;border-radius:4px;border:1px solid #888;"
          + "background:#fff;cursor:pointer}button.go{background:#1d4ed8;color:#fff;"
          + "border-color:#1d4ed8}";

  private static final String STYLE_SOURCE = "'sha256-" + sha256Base64(STYLE) + "'";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)\\}");

  /** A host as it may appear in a policy's source expression. */
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}");

  private ConfirmationPages() {}

  /** A guest connection, as the page names it: the network and the person. */
  public record Network(String provider, String person) {}

  /**
   * The page of a login whose browser holds guest connections: they are named, and the user adds
   * them to the account being logged into or skips.
   *
   * @param loginProvider the name of the network the user logs in with
   * @param account the account's person (a name or a masked e-mail), or null
   */
  public static BrowserPage guestMerge(
      String lang,
      String value,
      String loginProvider,
      String account,
      List<Network> networks,
      String redirectUri,
      List<NewCookie> cookies) {
    Map<String, String> args =
        Map.of("provider", loginProvider, "account", account == null ? "?" : account, "site", "");
    StringBuilder list = new StringBuilder("<ul>");
    for (Network n : networks) {
      list.append("<li>").append(escape(n.provider()));
      if (n.person() != null) {
        list.append(": ").append(escape(n.person()));
      }
      list.append("</li>");
    }
    list.append("</ul>");
    String body =
        "<h1>"
            + text(lang, "guest.title", args)
            + "</h1><p>"
            + text(lang, "guest.intro", args)
            + "</p>"
            + list
            + "<p>"
            + text(lang, "guest.account", args)
            + "</p><p class=\"warn\">"
            + text(lang, "guest.question", args)
            + "</p>"
            + form(
                value,
                CONTINUE,
                text(lang, "guest.continue", args),
                SKIP,
                text(lang, "guest.skip", args));
    return new BrowserPage(
        document(lang, text(lang, "guest.title", args), body), policy(redirectUri), cookies);
  }

  /**
   * The page of a connection started from a browser other than the one that obtained the token: it
   * names the site, the network and the account the connection would join; the user continues to
   * the provider or cancels.
   */
  public static BrowserPage connect(
      String lang,
      String value,
      String site,
      String provider,
      String account,
      String redirectUri,
      String providerLocation,
      List<NewCookie> cookies) {
    Map<String, String> args =
        Map.of("provider", provider, "account", account == null ? "?" : account, "site", site);
    String body =
        "<h1>"
            + text(lang, "connect.title", args)
            + "</h1><p>"
            + text(lang, "connect.intro", args)
            + "</p><p class=\"warn\">"
            + text(lang, "connect.warning", args)
            + "</p>"
            + form(
                value,
                CONTINUE,
                text(lang, "connect.continue", args),
                CANCEL,
                text(lang, "connect.cancel", args));
    return new BrowserPage(
        document(lang, text(lang, "connect.title", args), body),
        policy(redirectUri, providerLocation),
        cookies);
  }

  /**
   * How a person is named on a page: the nickname, else first and last name, else the e-mail
   * address masked; null when the identity tells none of them.
   */
  public static String person(String nickname, String firstName, String lastName, String email) {
    if (nickname != null && !nickname.isBlank()) {
      return nickname.trim();
    }
    String name =
        ((firstName == null ? "" : firstName.trim()) + " " + (lastName == null ? "" : lastName))
            .trim();
    if (!name.isEmpty()) {
      return name;
    }
    return email == null || email.isBlank() ? null : maskEmail(email.trim());
  }

  /** An e-mail address with most of its local part hidden: {@code an***@example.com}. */
  public static String maskEmail(String email) {
    int at = email.lastIndexOf('@');
    if (at <= 0) {
      return email.length() <= 2 ? "***" : email.substring(0, 2) + "***";
    }
    String local = email.substring(0, at);
    return (local.length() <= 2 ? local.substring(0, 1) : local.substring(0, 2))
        + "***"
        + email.substring(at);
  }

  /** The policy of a page whose answer redirects to these URLs. */
  static String policy(String... redirectTargets) {
    Set<String> targets = new LinkedHashSet<>();
    targets.add("'self'");
    for (String url : redirectTargets) {
      String origin = origin(url);
      if (origin != null) {
        targets.add(origin);
      }
    }
    return "default-src 'none'; style-src "
        + STYLE_SOURCE
        + "; form-action "
        + String.join(" ", targets)
        + "; frame-ancestors 'none'; base-uri 'none'";
  }

  /** The origin of an http(s) URL with a plain host name, or null. */
  static String origin(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI u = URI.create(url);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      String host = u.getHost();
      if (!(scheme.equals("https") || scheme.equals("http"))
          || host == null
          || !HOST.matcher(host).matches()) {
        return null;
      }
      return scheme
          + "://"
          + host.toLowerCase(Locale.ROOT)
          + (u.getPort() < 0 ? "" : ":" + u.getPort());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String form(String value, String yes, String yesLabel, String no, String noLabel) {
    return "<form method=\"post\" action=\""
        + ACTION
        + "\"><input type=\"hidden\" name=\""
        + VALUE_FIELD
        + "\" value=\""
        + escape(value)
        + "\"><button type=\"submit\" class=\"go\" name=\""
        + CHOICE_FIELD
        + "\" value=\""
        + yes
        + "\">"
        + yesLabel
        + "</button><button type=\"submit\" name=\""
        + CHOICE_FIELD
        + "\" value=\""
        + no
        + "\">"
        + noLabel
        + "</button></form>";
  }

  private static String document(String lang, String title, String body) {
    return "<!DOCTYPE html><html lang=\""
        + escape(lang)
        + "\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<meta name=\"referrer\" content=\"no-referrer\"><title>"
        + title
        + "</title><style>"
        + STYLE
        + "</style></head><body><main>"
        + body
        + "</main></body></html>";
  }

  /**
   * A page text with its placeholders replaced in one pass (a value that looks like a placeholder
   * stays as it is), all of it HTML-escaped.
   */
  static String text(String lang, String key, Map<String, String> args) {
    Matcher m = PLACEHOLDER.matcher(escape(PageTexts.text(lang, key)));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = args.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : escape(value)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** HTML-escapes text for an element or a quoted attribute. */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String sha256Base64(String s) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
