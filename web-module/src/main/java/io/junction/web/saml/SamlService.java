package io.junction.web.saml;

import io.junction.api.ProviderInfo;
import io.junction.web.config.JunctionConfig;
import io.junction.web.envelope.GigyaException;
import io.junction.web.security.Secrets;
import io.junction.web.site.ProviderConfig;
import io.junction.web.site.ProviderConfigId;
import io.junction.web.site.ProviderSettings;
import io.junction.web.site.Site;
import io.junction.web.site.SiteService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The SAML side of a site: its identity providers ({@code saml-<name>}, each stored beside its
 * provider configuration, in one transaction with it) and its service provider: URLs, and a key
 * pair made on first use, the private key encrypted at rest.
 */
@ApplicationScoped
@Transactional
public class SamlService {

  /** Where a site's service-provider endpoints live, under the public URL. */
  public static final String SP_PATH = "/saml/v2.0/";

  @Inject SiteService sites;
  @Inject Secrets secrets;
  @Inject JunctionConfig config;

  @PersistenceContext(unitName = "junction")
  EntityManager em;

  /** The setting of the clock difference tolerated with identity providers, in seconds. */
  public static final String CLOCK_SKEW = "junction.saml.clock-skew-seconds";

  /** {@value #CLOCK_SKEW}, 90 by default. */
  @Inject
  @ConfigProperty(name = CLOCK_SKEW, defaultValue = "90")
  long clockSkewSeconds = SamlResponseValidator.DEFAULT_SKEW.toSeconds();

  @PostConstruct
  void checkClockSkew() {
    if (clockSkewSeconds < 0) {
      throw new IllegalStateException(CLOCK_SKEW + " must not be negative");
    }
  }

  /**
   * The clock difference tolerated between an identity provider and this server ({@value
   * #CLOCK_SKEW}, 90 s by default): around an assertion's or a logout message's validity window.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Duration clockSkew() {
    return Duration.ofSeconds(clockSkewSeconds);
  }

  /**
   * A SAML provider's configuration and identity-provider settings, and whether this created it.
   */
  public record PutIdp(ProviderConfig config, SamlIdp idp, boolean created) {}

  /** A site's service-provider endpoints; its entity ID is the metadata URL. */
  public record SpUrls(String entityId, String metadata, String acs, String slo) {}

  /** The service-provider URLs of a site. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public SpUrls spUrls(String apiKey) {
    String base = config.publicUrl() + SP_PATH + apiKey + "/sp/";
    return new SpUrls(base + "metadata", base + "metadata", base + "acs", base + "slo");
  }

  /**
   * Creates or replaces a SAML identity provider of a site, with its provider configuration's
   * switches; one transaction.
   */
  public PutIdp putIdp(
      String apiKey, ProviderInfo provider, SamlIdpSettings settings, boolean enabled) {
    // A SAML provider has no application secret: its configuration row keeps an empty one.
    SiteService.PutProvider put =
        sites.putProvider(
            apiKey,
            provider,
            new ProviderSettings(
                settings.entityId().length() > 256
                    ? settings.entityId().substring(0, 256)
                    : settings.entityId(),
                null,
                "",
                false,
                true,
                enabled,
                List.of(),
                null,
                List.of()));
    ProviderConfigId id = new ProviderConfigId(apiKey, provider.id());
    SamlIdp idp = em.find(SamlIdp.class, id);
    boolean created = idp == null;
    if (created) {
      idp = new SamlIdp(id);
      idp.update(settings, Instant.now());
      em.persist(idp);
    } else {
      idp.update(settings, Instant.now());
    }
    em.flush();
    return new PutIdp(put.config(), idp, put.created());
  }

  /** A site's SAML identity provider: 404000 when the site or the provider is unknown. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public SamlIdp idp(String apiKey, String provider) {
    sites.get(apiKey);
    return findIdp(apiKey, provider)
        .orElseThrow(
            () -> GigyaException.notFound("The site has no " + provider + " configuration"));
  }

  /** A site's SAML identity provider, if configured. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<SamlIdp> findIdp(String apiKey, String provider) {
    return Optional.ofNullable(em.find(SamlIdp.class, new ProviderConfigId(apiKey, provider)));
  }

  /**
   * The providers of a site that accept unsolicited responses from the identity provider of this
   * entity ID, by provider name.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<SamlIdp> acceptingUnsolicited(String apiKey, String entityId) {
    return em.createQuery(
            "SELECT i FROM SamlIdp i WHERE i.id.apiKey = :k AND i.entityId = :e"
                + " AND i.allowUnsolicited = TRUE ORDER BY i.id.provider",
            SamlIdp.class)
        .setParameter("k", apiKey)
        .setParameter("e", entityId)
        .getResultList();
  }

  /** A site's service-provider key pair, decrypted, with its certificate. */
  public record SpKey(PrivateKey privateKey, X509Certificate certificate, String certBase64) {}

  /** The site's stored key pair, if it has one. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<SamlSpKey> findSpKey(String apiKey) {
    return Optional.ofNullable(em.find(SamlSpKey.class, apiKey));
  }

  /** Stores a new key pair of a site; a constraint violation when another node stored one first. */
  public void addSpKey(String apiKey, SamlCertificates.SpKeyPair pair) {
    sites.siteOrInvalidKey(apiKey);
    String encoded = java.util.Base64.getEncoder().encodeToString(pair.privateKey().getEncoded());
    em.persist(
        new SamlSpKey(
            apiKey,
            secrets.cipher().encrypt(encoded, privateKeyContext(apiKey)),
            SamlCertificates.base64(pair.certificate()),
            Instant.now()));
    em.flush();
  }

  /** The private key of a stored key pair, in clear for signing. Never shown to anyone. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public SpKey open(SamlSpKey stored) {
    PrivateKey key =
        SamlCertificates.privateKey(
            secrets
                .cipher()
                .decrypt(stored.privateKeyEncrypted(), privateKeyContext(stored.apiKey())));
    return new SpKey(key, SamlCertificates.decode(stored.certificate()), stored.certificate());
  }

  /** The site of an API key for the SAML endpoints: 404000 when none. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Site site(String apiKey) {
    return sites.get(apiKey);
  }

  private static String privateKeyContext(String apiKey) {
    return "saml-sp-key:" + apiKey;
  }
}
