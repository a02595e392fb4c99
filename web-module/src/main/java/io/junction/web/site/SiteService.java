package io.junction.web.site;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderInfo;
import io.junction.web.account.AccountService;
import io.junction.web.config.JunctionConfig;
import io.junction.web.envelope.GigyaException;
import io.junction.web.security.Randoms;
import io.junction.web.security.RsaKeys;
import io.junction.web.security.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sites and their provider configurations: creation, edits, secret rotation. Each method is one
 * transaction, so a refused or failed change leaves nothing half-written.
 */
@ApplicationScoped
@Transactional
public class SiteService {

  @Inject SiteRepository sites;
  @Inject AccountService accounts;

  @PersistenceContext(unitName = "junction")
  EntityManager em;

  @Inject Secrets secrets;
  @Inject JunctionConfig config;

  /** A new site and its secret, which is shown this once. */
  public record CreatedSite(Site site, String secret) {}

  /** A provider configuration and whether this call created it. */
  public record PutProvider(ProviderConfig config, boolean created) {}

  public CreatedSite create(SiteSettings settings) {
    checkRegistrable(settings);
    Instant now = Instant.now();
    Site site = new Site("3_" + Randoms.urlSafe(32), now);
    site.update(settings, now);
    String secret = Randoms.base64(24);
    site.secretEncrypted(encryptSiteSecret(site.apiKey(), secret), now);
    sites.add(site);
    return new CreatedSite(site, secret);
  }

  public List<Site> list() {
    return sites.findAll();
  }

  public Site get(String apiKey) {
    return sites
        .find(apiKey)
        .orElseThrow(() -> GigyaException.notFound("No site has the API key " + apiKey));
  }

  /**
   * The site of a public API call: 400093 for an unknown key, 301001 when the site lives in another
   * data center (the right one in errorDetails).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Site forApi(String apiKey) {
    if (apiKey == null || apiKey.isBlank()) {
      throw GigyaException.missing("apiKey");
    }
    Site site = siteOrInvalidKey(apiKey.trim());
    checkDataCenter(site);
    return site;
  }

  /** The site of an API key, if there is one. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Site> find(String apiKey) {
    return sites.find(apiKey);
  }

  /** The site of an API key: 400093 when there is none. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Site siteOrInvalidKey(String apiKey) {
    return sites
        .find(apiKey)
        .orElseThrow(
            () ->
                new GigyaException(ErrorCode.INVALID_API_KEY, "No site has the API key " + apiKey));
  }

  /** 301001 when the site does not live in this server's data center. */
  public void checkDataCenter(Site site) {
    if (!site.dataCenter().equals(config.dataCenter())) {
      throw new GigyaException(
          ErrorCode.INVALID_DATA_CENTER,
          "The site's data center is "
              + site.dataCenter()
              + ", not "
              + config.dataCenter()
              + ": send its calls to the "
              + site.dataCenter()
              + " data center");
    }
  }

  /** Whether {@code secret} is the site's secret; constant-time. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean secretMatches(Site site, String secret) {
    if (secret == null) {
      return false;
    }
    return MessageDigest.isEqual(
        secretOf(site).getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
  }

  /** A site's enabled provider configuration and its application, ready for a connector. */
  public record ProviderSetup(ProviderConfig config, ProviderApp app) {}

  /** The site's application at a provider; 500031 when there is none or it is disabled. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ProviderSetup providerSetup(Site site, String provider) {
    ProviderConfig p =
        sites
            .findProvider(site.apiKey(), provider)
            .filter(ProviderConfig::enabled)
            .orElseThrow(
                () ->
                    new GigyaException(
                        ErrorCode.NO_PROVIDER_APPLICATION,
                        "The site has no enabled " + provider + " application"));
    return new ProviderSetup(
        p,
        new ProviderApp(
            p.appId(),
            p.publicKey(),
            providerSecret(p),
            p.permissions(),
            p.issuer(),
            p.allowedHosts()));
  }

  public Site update(String apiKey, SiteSettings settings) {
    checkRegistrable(settings);
    Site site = get(apiKey);
    site.update(settings, Instant.now());
    return site;
  }

  /**
   * 400006 for a domain or CNAME that is a public suffix ({@code com}, {@code co.uk}, {@code
   * github.io}): a site's domain covers its subdomains, so one of those would make every site under
   * it a valid redirect target.
   */
  static void checkRegistrable(SiteSettings settings) {
    for (String domain : settings.domains()) {
      if (!HostNames.registrable(domain)) {
        throw GigyaException.invalid(
            "domains", "'" + domain + "' is a public suffix: give the site's own domain under it");
      }
    }
    if (settings.cname() != null && !HostNames.registrable(settings.cname())) {
      throw GigyaException.invalid(
          "cname", "'" + settings.cname() + "' is a public suffix: give a host name of the site");
    }
  }

  /**
   * Deletes a site and everything of it. The database deletes nothing by itself (no cascading
   * foreign key): the site's accounts go first, each after its row lock as every writer of an
   * account takes it ({@link AccountService#deleteAllOf}), then the site's other rows, then the
   * site.
   */
  public void delete(String apiKey) {
    Site site = get(apiKey);
    accounts.deleteAllOf(apiKey);
    for (String entity :
        List.of(
            "OAuthToken",
            "PendingAuthorization",
            "BrowserConfirmation",
            "ApplicationKey",
            "SamlSession")) {
      em.createQuery("DELETE FROM " + entity + " e WHERE e.apiKey = :apiKey")
          .setParameter("apiKey", apiKey)
          .executeUpdate();
    }
    for (String entity : List.of("SamlIdp", "ProviderConfig")) {
      em.createQuery("DELETE FROM " + entity + " e WHERE e.id.apiKey = :apiKey")
          .setParameter("apiKey", apiKey)
          .executeUpdate();
    }
    em.createQuery("DELETE FROM SamlSpKey k WHERE k.apiKey = :apiKey")
        .setParameter("apiKey", apiKey)
        .executeUpdate();
    sites.remove(site);
  }

  /** Replaces the site's secret; the new one is returned this once. */
  public String rotateSecret(String apiKey) {
    Site site = get(apiKey);
    String secret = Randoms.base64(24);
    site.secretRotated(encryptSiteSecret(apiKey, secret), Instant.now());
    return secret;
  }

  /** The site's secret in clear, for verifying its signatures. Never shown to anyone. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public String secretOf(Site site) {
    return secrets.cipher().decrypt(site.secretEncrypted(), "site-secret:" + site.apiKey());
  }

  public PutProvider putProvider(String apiKey, ProviderInfo provider, ProviderSettings settings) {
    get(apiKey);
    String encrypted =
        settings.secretKey() == null
            ? null
            : secrets
                .cipher()
                .encrypt(settings.secretKey(), providerSecretContext(apiKey, provider.id()));
    var existing = sites.findProvider(apiKey, provider.id());
    if (existing.isPresent()) {
      existing.get().update(settings, encrypted, Instant.now());
      return new PutProvider(existing.get(), false);
    }
    if (encrypted == null) {
      throw GigyaException.missing("secretKey");
    }
    ProviderConfig created = new ProviderConfig(new ProviderConfigId(apiKey, provider.id()));
    created.update(settings, encrypted, Instant.now());
    sites.add(created);
    return new PutProvider(created, true);
  }

  public List<ProviderConfig> providers(String apiKey) {
    get(apiKey);
    return sites.findProviders(apiKey);
  }

  public ProviderConfig provider(String apiKey, String provider) {
    get(apiKey);
    return sites
        .findProvider(apiKey, provider)
        .orElseThrow(
            () -> GigyaException.notFound("The site has no " + provider + " configuration"));
  }

  /**
   * Deletes a provider configuration, and the SAML identity provider settings and sessions it may
   * have.
   */
  public void deleteProvider(String apiKey, String provider) {
    ProviderConfig config = provider(apiKey, provider);
    em.createQuery("DELETE FROM SamlSession s WHERE s.apiKey = :apiKey AND s.provider = :provider")
        .setParameter("apiKey", apiKey)
        .setParameter("provider", provider)
        .executeUpdate();
    em.createQuery(
            "DELETE FROM SamlIdp s WHERE s.id.apiKey = :apiKey AND s.id.provider = :provider")
        .setParameter("apiKey", apiKey)
        .setParameter("provider", provider)
        .executeUpdate();
    sites.remove(config);
  }

  /** The provider's secret key in clear, for talking to the provider. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public String providerSecret(ProviderConfig p) {
    return secrets
        .cipher()
        .decrypt(p.secretKeyEncrypted(), providerSecretContext(p.id().apiKey(), p.provider()));
  }

  /** The provider's secret key as an administrator may see it: its last four characters. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public String maskedSecret(ProviderConfig p) {
    String secret = providerSecret(p);
    return "****" + (secret.length() > 8 ? secret.substring(secret.length() - 4) : "");
  }

  /**
   * What to paste into the provider's list of permitted redirect URIs: Junction's callback, and
   * when the site has a CNAME and the configuration enables it, the site's own callbacks (https
   * only when the configuration allows secure redirects only).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<String> callbackUrls(Site site, ProviderConfig p) {
    List<String> urls = new ArrayList<>();
    urls.add(config.callbackUrl());
    if (site.cname() != null && p.cnameEnabled()) {
      if (!p.secureRedirectsOnly()) {
        urls.add("http://" + site.cname() + JunctionConfig.CALLBACK_PATH);
      }
      urls.add("https://" + site.cname() + JunctionConfig.CALLBACK_PATH);
    }
    return urls;
  }

  /**
   * A new application key and what is shown of it this once: the secret of a secret key, or the
   * private key (Base64 PKCS#8) of an RSA key whose pair Junction generated; null otherwise.
   */
  public record CreatedApplication(ApplicationKey key, String secret, String privateKey) {}

  /** A new secret application key. */
  public CreatedApplication createApplication(
      String apiKey, String name, List<String> permissions) {
    get(apiKey);
    String userKey = newUserKey();
    String secret = Randoms.base64(24);
    ApplicationKey key =
        new ApplicationKey(
            userKey,
            apiKey,
            name,
            secrets.cipher().encrypt(secret, "application-secret:" + userKey),
            permissions,
            Instant.now());
    em.persist(key);
    em.flush();
    return new CreatedApplication(key, secret, null);
  }

  /**
   * A new RSA application key: with {@code publicKey} (as {@link RsaKeys#normalizedPublicKey} made
   * it) the site keeps its private key; without, a pair is generated and its private key answered
   * this once, never stored.
   */
  public CreatedApplication createRsaApplication(
      String apiKey, String name, List<String> permissions, String publicKey) {
    get(apiKey);
    RsaKeys.Generated generated = publicKey == null ? RsaKeys.generate() : null;
    ApplicationKey key =
        ApplicationKey.rsa(
            newUserKey(),
            apiKey,
            name,
            generated != null ? generated.publicKey() : publicKey,
            permissions,
            Instant.now());
    em.persist(key);
    em.flush();
    return new CreatedApplication(key, null, generated != null ? generated.privateKey() : null);
  }

  /**
   * A new key pair for an RSA application key, which keeps its userKey and permissions: the given
   * public key, or a generated pair whose private key is answered this once. JWTs signed with the
   * old private key are refused from now on. 400006 for a secret key.
   */
  public CreatedApplication replaceKeyPair(String apiKey, String userKey, String publicKey) {
    ApplicationKey key = application(apiKey, userKey);
    if (!key.rsa()) {
      throw GigyaException.invalid(
          "userKey", userKey + " is a secret application key, which has no key pair");
    }
    RsaKeys.Generated generated = publicKey == null ? RsaKeys.generate() : null;
    key.replacePublicKey(generated != null ? generated.publicKey() : publicKey, Instant.now());
    em.flush();
    return new CreatedApplication(key, null, generated != null ? generated.privateKey() : null);
  }

  private static String newUserKey() {
    return "AK" + Randoms.urlSafe(12).replace('-', 'x').replace('_', 'y');
  }

  public List<ApplicationKey> applications(String apiKey) {
    get(apiKey);
    return em.createNamedQuery("ApplicationKey.findBySite", ApplicationKey.class)
        .setParameter("apiKey", apiKey)
        .getResultList();
  }

  public void deleteApplication(String apiKey, String userKey) {
    em.remove(application(apiKey, userKey));
  }

  /** The site's application key of that userKey: 404000 when the site has none of that name. */
  public ApplicationKey application(String apiKey, String userKey) {
    get(apiKey);
    ApplicationKey key = em.find(ApplicationKey.class, userKey);
    if (key == null || !key.apiKey().equals(apiKey)) {
      throw GigyaException.notFound("The site has no application key " + userKey);
    }
    return key;
  }

  /**
   * Replaces an application key's secret; the new one is returned this once. The tokens the key
   * obtained stay valid (deleting the key ends them).
   */
  public String rotateApplicationSecret(String apiKey, String userKey) {
    ApplicationKey key = application(apiKey, userKey);
    if (key.rsa()) {
      throw GigyaException.invalid(
          "userKey", "an RSA application key has no secret; give it a new key pair instead");
    }
    String secret = Randoms.base64(24);
    key.secretEncrypted(secrets.cipher().encrypt(secret, "application-secret:" + userKey));
    em.flush();
    return secret;
  }

  /** The application key of a signed or secret call: 403201 when the site has no such key. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ApplicationKey application(Site site, String userKey) {
    ApplicationKey key = em.find(ApplicationKey.class, userKey);
    if (key == null || !key.apiKey().equals(site.apiKey())) {
      throw new GigyaException(
          ErrorCode.INVALID_APPLICATION_ID, "The site has no application key " + userKey);
    }
    return key;
  }

  /** The site's application key of that userKey, if it still exists. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ApplicationKey> findApplication(Site site, String userKey) {
    ApplicationKey key = em.find(ApplicationKey.class, userKey);
    return key != null && key.apiKey().equals(site.apiKey()) ? Optional.of(key) : Optional.empty();
  }

  /** An application key's secret in clear, for verifying its signatures; an RSA key has none. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public String secretOf(ApplicationKey key) {
    if (key.rsa()) {
      throw new IllegalStateException("An RSA application key has no secret");
    }
    return secrets.cipher().decrypt(key.secretEncrypted(), "application-secret:" + key.userKey());
  }

  private String encryptSiteSecret(String apiKey, String secret) {
    return secrets.cipher().encrypt(secret, "site-secret:" + apiKey);
  }

  private static String providerSecretContext(String apiKey, String provider) {
    return "provider-secret:" + apiKey + ":" + provider;
  }
}
