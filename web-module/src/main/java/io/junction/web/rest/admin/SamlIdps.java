package io.junction.web.rest.admin;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderInfo;
import io.junction.provider.ProviderCatalog;
import io.junction.provider.PublicAddresses;
import io.junction.web.audit.AdminChanges;
import io.junction.web.caller.Administrator;
import io.junction.web.envelope.GigyaException;
import io.junction.web.saml.SamlIdpSettings;
import io.junction.web.saml.SamlMetadataFetcher;
import io.junction.web.saml.SamlService;
import io.junction.web.saml.SamlSpKeys;
import io.junction.web.site.ProviderConfig;
import io.junction.web.site.SiteService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one way a site's SAML identity providers are read, validated and changed, for the admin API
 * ({@code PUT /admin/sites/{apiKey}/providers/saml-<name>}) and for Gigya's {@code fidm.saml.*}
 * methods alike: the same fields ({@link SamlIdpJson}), the same errors, every change through
 * {@link AdminChanges} and so in the audit log.
 */
@ApplicationScoped
public class SamlIdps {

  /** The fields of {@code fidm.saml.registerIdP}'s {@code config}: the admin body's and name. */
  static final Set<String> CONFIG_FIELDS;

  static {
    Set<String> f = new HashSet<>(SamlIdpJson.FIELDS);
    f.add("name");
    CONFIG_FIELDS = Set.copyOf(f);
  }

  @Inject SiteService sites;
  @Inject ProviderCatalog catalog;
  @Inject PublicAddresses addresses;
  @Inject SamlService saml;
  @Inject SamlMetadataFetcher metadataFetcher;
  @Inject AdminChanges changes;
  @Inject SamlSpKeys spKeys;

  /**
   * Creates or replaces {@code provider} from an admin body (a JSON object of ExternalIdP fields,
   * or metadata); its metadata URL is fetched outside any transaction.
   */
  public SamlService.PutIdp put(
      Administrator who, String apiKey, ProviderInfo provider, byte[] body) {
    AdminJson json = AdminJson.parse(body, SamlIdpJson.FIELDS);
    sites.get(apiKey);
    SamlIdpSettings settings = read(json);
    return changes.putSamlIdp(who, apiKey, provider, settings, json.bool("enabled", true));
  }

  /**
   * Creates or replaces the identity provider an ExternalIdP object names ({@code
   * fidm.saml.registerIdP}'s {@code config}): its {@code name} is required, {@code corp} or {@code
   * saml-corp} alike.
   */
  public SamlService.PutIdp register(Administrator who, String apiKey, String config) {
    AdminJson json = config(config, "config");
    ProviderInfo provider = provider(json.string("name", true, 64), "name");
    sites.get(apiKey);
    SamlIdpSettings settings = read(json);
    return changes.putSamlIdp(who, apiKey, provider, settings, json.bool("enabled", true));
  }

  /**
   * The settings metadata gives ({@code fidm.saml.importIdPMetadata}), validated as a registration
   * would be, with the fields of {@code overrides} winning.
   */
  public SamlIdpSettings fromMetadata(String metadata, String url) {
    if ((metadata == null) == (url == null)) {
      throw metadata == null
          ? GigyaException.missing("metadata or url")
          : GigyaException.invalid("url", "give metadata or url, not both");
    }
    jakarta.json.JsonObjectBuilder b = jakarta.json.Json.createObjectBuilder();
    if (metadata != null) {
      b.add("metadata", metadata);
    } else {
      b.add("metadataUrl", url);
    }
    return read(
        AdminJson.parse(b.build().toString().getBytes(StandardCharsets.UTF_8), SamlIdpJson.FIELDS));
  }

  /** Saves settings read before under a name ({@code importIdPMetadata} with saving). */
  public SamlService.PutIdp save(
      Administrator who, String apiKey, String name, SamlIdpSettings settings) {
    ProviderInfo provider = provider(name, "name");
    sites.get(apiKey);
    return changes.putSamlIdp(who, apiKey, provider, settings, true);
  }

  /** Removes a SAML identity provider by its name ({@code corp} or {@code saml-corp}). */
  public void delete(Administrator who, String apiKey, String name) {
    ProviderInfo provider = provider(name, "name");
    sites.get(apiKey);
    changes.deleteProvider(who, apiKey, provider.id());
  }

  /** A site's SAML identity providers by Gigya's ExternalIdP fields, in name order. */
  public List<Map<String, Object>> list(String apiKey) {
    sites.get(apiKey);
    return sites.providers(apiKey).stream()
        .filter(p -> ProviderCatalog.isSaml(p.provider()))
        .sorted(java.util.Comparator.comparing(ProviderConfig::provider))
        .map(p -> externalIdp(p.provider(), saml.idp(apiKey, p.provider()).settings(), p.enabled()))
        .toList();
  }

  /**
   * An identity provider as Gigya's ExternalIdP: {@code name} without the {@code saml-} prefix,
   * {@code certificate} as PEM blocks (what registerIdP takes back).
   */
  public static Map<String, Object> externalIdp(
      String provider, SamlIdpSettings s, Boolean enabled) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (provider != null) {
      m.put("name", provider.substring("saml-".length()));
    }
    m.put("entityID", s.entityId());
    m.put("singleSignOnServiceUrl", s.ssoUrl());
    m.put("singleSignOnServiceBinding", s.ssoBinding());
    m.put("singleLogoutServiceUrl", s.sloUrl());
    m.put("singleLogoutServiceBinding", s.sloBinding());
    m.put("nameIDFormat", s.nameIdFormat());
    m.put("attributeMap", new LinkedHashMap<>(s.attributeMap()));
    m.put("certificate", pem(s.certificates()));
    m.put("allowUnsolicited", s.allowUnsolicited());
    if (enabled != null) {
      m.put("enabled", enabled);
    }
    return m;
  }

  /**
   * The site's service provider as Gigya's SamlConfig ({@code fidm.saml.getConfig}): entity ID,
   * certificate (PEM; it signs requests and receives encrypted assertions) and URLs. Its key pair
   * is made on first use.
   */
  public Map<String, Object> serviceProvider(String apiKey) {
    sites.get(apiKey);
    SamlService.SpUrls sp = saml.spUrls(apiKey);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("entityID", sp.entityId());
    m.put("certificate", pem(List.of(spKeys.of(apiKey).certBase64())));
    m.put("spAssertionConsumerServiceUrl", sp.acs());
    m.put("spSingleLogoutServiceUrl", sp.slo());
    m.put("spMetadataUrl", sp.metadata());
    return m;
  }

  static String pem(List<String> certificates) {
    StringBuilder b = new StringBuilder();
    for (String c : certificates) {
      b.append("-----BEGIN CERTIFICATE-----\n");
      for (int i = 0; i < c.length(); i += 64) {
        b.append(c, i, Math.min(c.length(), i + 64)).append('\n');
      }
      b.append("-----END CERTIFICATE-----\n");
    }
    return b.toString();
  }

  private SamlIdpSettings read(AdminJson json) {
    return SamlIdpJson.read(json, addresses.allowsPrivate(), metadataFetcher::fetch);
  }

  /** A method's JSON object parameter: 400002 when absent, 400006 when not a JSON object. */
  private static AdminJson config(String value, String parameter) {
    if (value == null || value.isBlank()) {
      throw GigyaException.missing(parameter);
    }
    try {
      return AdminJson.parse(value.getBytes(StandardCharsets.UTF_8), CONFIG_FIELDS);
    } catch (GigyaException e) {
      if (e.code() == ErrorCode.INVALID_PARAMETER_FORMAT) {
        throw GigyaException.invalid(parameter, "must be a JSON object of ExternalIdP fields");
      }
      throw e;
    }
  }

  /** The SAML provider of a name: {@code corp} or {@code saml-corp}; 400006 for another name. */
  ProviderInfo provider(String name, String parameter) {
    if (name == null || name.isBlank()) {
      throw GigyaException.missing(parameter);
    }
    String id = name.trim().toLowerCase(Locale.ROOT);
    if (!id.startsWith("saml-")) {
      id = "saml-" + id;
    }
    if (!ProviderCatalog.isSaml(id)) {
      throw GigyaException.invalid(
          parameter,
          "a SAML provider's name is 1 to 40 lowercase letters, digits, '_', '.' or '-',"
              + " starting with a letter or digit");
    }
    return catalog
        .resolve(id)
        .orElseThrow(() -> GigyaException.invalid(parameter, "not a SAML provider name"));
  }
}
