package io.junction.provider;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderException;
import io.junction.api.ProviderInfo;
import io.junction.api.SocialConnector;
import io.junction.provider.oidc.GenericOidcConnector;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The registry of the social networks Junction speaks to: the connectors found through CDI, by
 * their Gigya provider names, and the aliases Gigya accepts for them. Every fact of a provider
 * (description, setup notes, endpoints) is its connector's; aliases, the listing order and the
 * {@code oidc-<name>} naming of sites' own OpenID Connect providers and the {@code saml-<name>}
 * naming of their SAML 2.0 identity providers live here and nowhere else. A SAML provider has no
 * connector: the service provider that speaks SAML for a site lives in the web layer.
 */
@ApplicationScoped
public class ProviderCatalog {

  /** Other names Gigya accepts for a provider. */
  private static final Map<String, String> ALIASES = Map.of("messenger", "microsoft");

  /**
   * The order of Gigya's provider list, in which {@link #all()} lists the providers; a provider not
   * named here comes after these, by name.
   */
  private static final List<String> LISTING_ORDER =
      List.of(
          "facebook",
          "twitter",
          "yahoo",
          "microsoft",
          "linkedin",
          "googleplus",
          "instagram",
          "renren",
          "vkontakte",
          "mixi",
          "odnoklassniki",
          "yahoojapan",
          "wechat",
          "line",
          "qq",
          "sina");

  private static final String OIDC_PREFIX = "oidc-";
  private static final Pattern OIDC = Pattern.compile("oidc-[a-z0-9][a-z0-9-]{0,39}");
  private static final String SAML_PREFIX = "saml-";
  private static final Pattern SAML = Pattern.compile("saml-[a-z0-9][a-z0-9_.-]{0,39}");

  /** What to create at a SAML identity provider and what to paste where. */
  static final String SAML_SETUP_NOTES =
      "Register this site's service provider at the identity provider: its metadata is at"
          + " /saml/v2.0/<apiKey>/sp/metadata (the entity ID is that URL), the assertion consumer"
          + " service at /saml/v2.0/<apiKey>/sp/acs (HTTP-POST). Give Junction the identity"
          + " provider's metadata (or its entity ID, single sign-on URL and signing certificate) and"
          + " map its attributes to ProviderUID, Email, FirstName, LastName, Country, City, Zip,"
          + " Gender or samlData.<field>. Responses must be signed with SHA-256 or stronger.";

  /** The connectors by provider id, in listing order; the custom OpenID Connect one apart. */
  private Map<String, SocialConnector> connectors = Map.of();

  /** The connector of every {@code oidc-<name>} provider, or null. */
  private SocialConnector customOidc;

  @Inject @Any Instance<SocialConnector> discovered;

  /** For CDI, which fills in the connectors. */
  public ProviderCatalog() {}

  /** A registry of these connectors, outside a container. */
  static ProviderCatalog of(Iterable<? extends SocialConnector> connectors) {
    ProviderCatalog catalog = new ProviderCatalog();
    catalog.register(connectors);
    return catalog;
  }

  @PostConstruct
  void discover() {
    register(discovered);
  }

  private void register(Iterable<? extends SocialConnector> found) {
    List<SocialConnector> named = new ArrayList<>();
    SocialConnector oidc = null;
    for (SocialConnector c : found) {
      String id = c.info().id();
      if (id.equals(GenericOidcConnector.ID)) {
        oidc = c;
      } else if (id.startsWith(OIDC_PREFIX)
          || id.startsWith(SAML_PREFIX)
          || ALIASES.containsKey(id)) {
        throw new IllegalStateException(id + " is a name the registry keeps for itself");
      } else {
        named.add(c);
      }
    }
    named.sort(Comparator.comparing(ProviderCatalog::listingKey));
    Map<String, SocialConnector> byId = new LinkedHashMap<>();
    for (SocialConnector c : named) {
      if (byId.putIfAbsent(c.info().id(), c) != null) {
        throw new IllegalStateException("two connectors speak for " + c.info().id());
      }
    }
    this.connectors = Collections.unmodifiableMap(byId);
    this.customOidc = oidc;
  }

  private static String listingKey(SocialConnector c) {
    String id = c.info().id();
    int at = LISTING_ORDER.indexOf(id);
    return at >= 0 ? String.format("0%03d", at) : "1" + id;
  }

  /** Whether the name is a site's own OpenID Connect provider ({@code oidc-<name>}). */
  public static boolean isCustomOidc(String id) {
    return id != null && OIDC.matcher(id).matches();
  }

  /**
   * Whether the name is one of a site's SAML 2.0 identity providers ({@code saml-<name>}), which
   * have no connector.
   */
  public static boolean isSaml(String id) {
    return id != null && SAML.matcher(id).matches();
  }

  /**
   * The connector of a provider (by canonical name, as {@link #resolve} gives it), when one is
   * registered; none for a SAML provider.
   */
  public Optional<SocialConnector> connector(String id) {
    if (isCustomOidc(id)) {
      return Optional.ofNullable(customOidc);
    }
    return Optional.ofNullable(id == null ? null : connectors.get(id));
  }

  /**
   * The connector of a provider (by canonical name, as {@link #resolve} gives it).
   *
   * @throws ProviderException {@link ErrorCode#NOT_SUPPORTED} when no connector speaks for it
   */
  public SocialConnector require(String id) {
    return connector(id)
        .orElseThrow(
            () ->
                new ProviderException(
                    id, ErrorCode.NOT_SUPPORTED, id + " is not supported by this server"));
  }

  /**
   * What to create at the provider and what to paste where, as the provider's description says,
   * with the other names the registry accepts for it; empty for a name no connector speaks for.
   */
  public String setupNotes(String id) {
    Optional<ProviderInfo> info = resolve(id);
    if (info.isEmpty()) {
      return "";
    }
    StringBuilder notes = new StringBuilder(info.get().setupNotes());
    ALIASES.forEach(
        (alias, target) -> {
          if (target.equals(info.get().id())) {
            notes.append(" '").append(alias).append("' is accepted as its old name.");
          }
        });
    return notes.toString();
  }

  /** Every provider a connector speaks for, in listing order ({@code oidc-<name>} aside). */
  public Collection<ProviderInfo> all() {
    return connectors.values().stream().map(SocialConnector::info).toList();
  }

  /** The supported names, comma-separated, for error messages. */
  public String supportedNames() {
    String names = String.join(", ", connectors.keySet());
    return (customOidc == null ? names : names + ", oidc-<name> for any OpenID Connect provider")
        + ", and saml-<name> for any SAML 2.0 identity provider";
  }

  /**
   * The provider a name stands for: its canonical entry, after case folding and aliases ({@code
   * messenger} is {@code microsoft}); for {@code oidc-<name>}, the OpenID Connect connector's
   * description under that name; for {@code saml-<name>}, a SAML identity provider's.
   */
  public Optional<ProviderInfo> resolve(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String key = name.trim().toLowerCase(Locale.ROOT);
    if (isCustomOidc(key)) {
      if (customOidc == null) {
        return Optional.empty();
      }
      ProviderInfo generic = customOidc.info();
      return Optional.of(
          new ProviderInfo(
              key,
              generic.displayName() + " (" + key.substring(OIDC_PREFIX.length()) + ")",
              generic.usesPublicKey(),
              generic.defaultPermissions(),
              generic.setupNotes()));
    }
    if (isSaml(key)) {
      return Optional.of(
          new ProviderInfo(
              key,
              "SAML (" + key.substring(SAML_PREFIX.length()) + ")",
              false,
              List.of(),
              SAML_SETUP_NOTES));
    }
    SocialConnector c = connectors.get(ALIASES.getOrDefault(key, key));
    return Optional.ofNullable(c == null ? null : c.info());
  }
}
