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
 * The social networks Junction knows, by their Gigya provider names, the aliases Gigya accepts
 * for them, and the connectors that speak to them (found through CDI). Aliases live here and
 * nowhere else.
 */
@ApplicationScoped
public class ProviderCatalog {

  private static final Map<String, String> ALIASES = Map.of("messenger", "microsoft");
  private static final java.util.regex.Pattern OIDC = java.util.regex.Pattern.compile("oidc-[a-z0-9][a-z0-9-]{0,39}");

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

  /** Every supported provider, in a stable order. */
  public Collection<ProviderInfo> all() {
    return providers.values();
  }

  /** The supported names, comma-separated, for error messages. */
  public String supportedNames() {
    return String.join(", ", providers.keySet()) + ", and oidc-<name> for any OpenID Connect provider";
  }

  /**
   * The provider a name stands for: its canonical entry, after case folding and aliases
   * ({@code messenger} is {@code microsoft}).
   */
  public Optional<ProviderInfo> resolve(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String key = name.trim().toLowerCase(Locale.ROOT);
    if (OIDC.matcher(key).matches()) {
      return Optional.of(new ProviderInfo(key, "OpenID Connect (" + key.substring(5) + ")", false, List.of("openid", "profile", "email")));
    }
    return Optional.ofNullable(providers.get(ALIASES.getOrDefault(key, key)));
  }
}
