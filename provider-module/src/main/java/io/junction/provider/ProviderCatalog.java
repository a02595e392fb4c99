package io.junction.provider;

import io.junction.api.ProviderInfo;
import io.junction.api.SocialConnector;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The social networks Junction knows, by their Gigya provider names, the aliases Gigya accepts for
 * them, and the connectors that speak to them (found through CDI). Aliases live here and nowhere
 * else.
 */
@ApplicationScoped
public class ProviderCatalog {

  private static final Map<String, String> ALIASES = Map.of("messenger", "microsoft");
  private static final java.util.regex.Pattern OIDC =
      java.util.regex.Pattern.compile("oidc-[a-z0-9][a-z0-9-]{0,39}");

  private final Map<String, ProviderInfo> providers = new LinkedHashMap<>();
  private final Map<String, SocialConnector> connectors = new LinkedHashMap<>();

  @Inject @Any Instance<SocialConnector> discovered;

  @PostConstruct
  void discover() {
    for (SocialConnector c : discovered) {
      register(c);
    }
  }

  /** Adds a connector; its description replaces the catalogue's. */
  void register(SocialConnector connector) {
    connectors.put(connector.info().id(), connector);
    if (!connector.info().id().equals("oidc")) {
      providers.put(connector.info().id(), connector.info());
    }
  }

  public ProviderCatalog() {
    add("facebook", "Facebook", false, List.of("email", "public_profile"));
    add("twitter", "Twitter / X", false, List.of("users.read", "tweet.read", "offline.access"));
    add("yahoo", "Yahoo", false, List.of("openid", "profile", "email"));
    add("microsoft", "Microsoft", false, List.of("openid", "profile", "email", "offline_access"));
    add("linkedin", "LinkedIn", false, List.of("openid", "profile", "email"));
    add("googleplus", "Google", false, List.of("openid", "profile", "email"));
    add("instagram", "Instagram", false, List.of("user_profile"));
    add("renren", "Renren", false, List.of());
    add("vkontakte", "VKontakte", false, List.of("email"));
    add("mixi", "mixi", false, List.of("r_profile"));
    add(
        "odnoklassniki",
        "Odnoklassniki",
        true,
        List.of("VALUABLE_ACCESS", "SET_STATUS", "PHOTO_CONTENT"));
    add("yahoojapan", "Yahoo! JAPAN", false, List.of("openid", "profile", "email"));
    add("wechat", "WeChat", false, List.of("snsapi_login"));
    add("line", "LINE", false, List.of("openid", "profile", "email"));
    add("qq", "QQ", false, List.of("get_user_info"));
    add("sina", "Sina Weibo", false, List.of());
  }

  private void add(String id, String name, boolean publicKey, List<String> permissions) {
    providers.put(id, new ProviderInfo(id, name, publicKey, permissions));
  }

  /** The connector of a provider (by canonical name), when one is implemented. */
  public Optional<SocialConnector> connector(String id) {
    if (id != null && OIDC.matcher(id).matches()) {
      return Optional.ofNullable(connectors.get("oidc"));
    }
    return Optional.ofNullable(connectors.get(id));
  }

  /** Whether the name is a site's own OpenID Connect provider ({@code oidc-<name>}). */
  public static boolean isCustomOidc(String id) {
    return id != null && OIDC.matcher(id).matches();
  }

  private static final Map<String, String> SETUP =
      Map.ofEntries(
          Map.entry(
              "facebook",
              "Meta for Developers (developers.facebook.com): create an app with Facebook Login; App ID and App Secret go to Application ID and Secret key; add the callback under Valid OAuth Redirect URIs."),
          Map.entry(
              "twitter",
              "X Developer Portal: in the app's User authentication settings turn on OAuth 2.0 as a confidential client (Web App); Client ID and Client Secret go to Application ID and Secret key; the callback is the Callback URI."),
          Map.entry(
              "yahoo",
              "Yahoo Developer Network (developer.yahoo.com/apps): create an app with OpenID Connect permissions; Client ID and Client Secret; the callback is the Redirect URI."),
          Map.entry(
              "microsoft",
              "Microsoft Entra admin center, App registrations: a Web platform app for accounts in any organization and personal Microsoft accounts; Application (client) ID and a client secret; the callback is a Web redirect URI. 'messenger' is accepted as its old name."),
          Map.entry(
              "linkedin",
              "LinkedIn Developers: an app with the 'Sign In with LinkedIn using OpenID Connect' product; Client ID and Primary Client Secret; the callback is an Authorized redirect URL."),
          Map.entry(
              "googleplus",
              "Google Cloud console, APIs & Services, Credentials: an OAuth client ID of type Web application; Client ID and Client secret; the callback is an Authorized redirect URI."),
          Map.entry(
              "instagram",
              "Meta for Developers: an app with the Instagram product (API setup with Instagram login); Instagram App ID and App Secret; the callback is an OAuth redirect URI."),
          Map.entry(
              "renren",
              "Renren open platform (open.renren.com): create a website app; App ID (client_id) and Secret Key; register the callback as the redirect URI."),
          Map.entry(
              "vkontakte",
              "VK for developers (dev.vk.com, My apps): a Website app; App ID and Secure key; the callback goes under Authorized redirect URI; e-mail needs the email permission."),
          Map.entry(
              "mixi",
              "mixi Graph API partner dashboard: register a service; Consumer Key and Consumer Secret go to Application ID and Secret key; the callback is the redirect URL."),
          Map.entry(
              "odnoklassniki",
              "ok.ru developer rights, then an External app (https App link); its e-mail gives Application ID, Public key and Secret key; list the callback under permitted redirect_uri; Required permissions SET_STATUS and PHOTO_CONTENT."),
          Map.entry(
              "yahoojapan",
              "Yahoo! JAPAN Developer Network (e.yahoo.co.jp/dev): a client for a web application using YConnect v2; Client ID and Secret; the callback is the Callback URL."),
          Map.entry(
              "wechat",
              "WeChat Open Platform (open.weixin.qq.com): a Website Application, approved; AppID and AppSecret; set the callback's domain as the authorization callback domain."),
          Map.entry(
              "line",
              "LINE Developers console: a LINE Login channel (Web app) with OpenID Connect and the email permission; Channel ID and Channel secret; the callback is the Callback URL."),
          Map.entry(
              "qq",
              "QQ Connect (connect.qq.com): a website application; APP ID and APP Key go to Application ID and Secret key; the callback's domain is the callback address."),
          Map.entry(
              "sina",
              "Sina Weibo open platform (open.weibo.com): a website application; App Key and App Secret; the callback is the authorized callback page."));

  /** What to create at the provider and what to paste where; empty for oidc-&lt;name&gt;. */
  public String setupNotes(String id) {
    if (isCustomOidc(id)) {
      return "Any OpenID Connect provider: register a confidential web client; Client ID and secret, and the issuer URL (Junction reads <issuer>/.well-known/openid-configuration); the callback is a redirect URI.";
    }
    return SETUP.getOrDefault(id, "");
  }

  /** Every supported provider, in a stable order. */
  public Collection<ProviderInfo> all() {
    return providers.values();
  }

  /** The supported names, comma-separated, for error messages. */
  public String supportedNames() {
    return String.join(", ", providers.keySet())
        + ", and oidc-<name> for any OpenID Connect provider";
  }

  /**
   * The provider a name stands for: its canonical entry, after case folding and aliases ({@code
   * messenger} is {@code microsoft}).
   */
  public Optional<ProviderInfo> resolve(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String key = name.trim().toLowerCase(Locale.ROOT);
    if (OIDC.matcher(key).matches()) {
      return Optional.of(
          new ProviderInfo(
              key,
              "OpenID Connect (" + key.substring(5) + ")",
              false,
              List.of("openid", "profile", "email")));
    }
    return Optional.ofNullable(providers.get(ALIASES.getOrDefault(key, key)));
  }
}
