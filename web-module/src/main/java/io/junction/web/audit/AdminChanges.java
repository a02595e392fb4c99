package io.junction.web.audit;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderInfo;
import io.junction.web.account.Account;
import io.junction.web.account.AccountService;
import io.junction.web.caller.Administrator;
import io.junction.web.envelope.GigyaException;
import io.junction.web.saml.SamlIdpSettings;
import io.junction.web.saml.SamlService;
import io.junction.web.security.Hashes;
import io.junction.web.site.ApplicationKey;
import io.junction.web.site.ProviderConfig;
import io.junction.web.site.ProviderSettings;
import io.junction.web.site.Site;
import io.junction.web.site.SiteService;
import io.junction.web.site.SiteSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every change an administrator makes, each one transaction holding the change and its {@link
 * AuditLog} record: both are written, or neither. The services below do the work (their
 * transactions join this one); this class says what happened, field by field, without a secret.
 */
@ApplicationScoped
@Transactional
public class AdminChanges {

  @Inject SiteService sites;
  @Inject AccountService accounts;
  @Inject AuditLog audit;
  @Inject SamlService saml;

  // ---- sites ----------------------------------------------------------------------------------

  public SiteService.CreatedSite createSite(Administrator who, SiteSettings settings) {
    SiteService.CreatedSite created = sites.create(settings);
    Site site = created.site();
    audit.record(
        who, "site.create", site.apiKey(), site.apiKey(), Changes.none().all(snapshot(site)));
    return created;
  }

  public Site updateSite(Administrator who, String apiKey, SiteSettings settings) {
    Map<String, Object> before = snapshot(sites.get(apiKey));
    Site site = sites.update(apiKey, settings);
    audit.record(who, "site.update", apiKey, apiKey, Changes.none().diff(before, snapshot(site)));
    return site;
  }

  public void deleteSite(Administrator who, String apiKey) {
    Site site = sites.get(apiKey);
    String name = site.name();
    sites.delete(apiKey);
    audit.record(who, "site.delete", apiKey, apiKey, Changes.none().set("name", name));
  }

  public String rotateSiteSecret(Administrator who, String apiKey) {
    String secret = sites.rotateSecret(apiKey);
    audit.record(
        who,
        "site.secret.rotate",
        apiKey,
        apiKey,
        Changes.none()
            .rotated("secret")
            .set("revokeTokens", sites.get(apiKey).revokeTokensOnSecretRotation()));
    return secret;
  }

  // ---- provider applications ------------------------------------------------------------------

  public SiteService.PutProvider putProvider(
      Administrator who, String apiKey, ProviderInfo provider, ProviderSettings settings) {
    sites.get(apiKey);
    Map<String, Object> before =
        sites.providers(apiKey).stream()
            .filter(p -> p.provider().equals(provider.id()))
            .findFirst()
            .map(AdminChanges::snapshot)
            .orElse(null);
    SiteService.PutProvider put = sites.putProvider(apiKey, provider, settings);
    Changes changes =
        before == null
            ? Changes.none().all(snapshot(put.config()))
            : Changes.none().diff(before, snapshot(put.config()));
    if (settings.secretKey() != null) {
      changes.rotated("secretKey");
    }
    audit.record(
        who, put.created() ? "provider.create" : "provider.update", apiKey, provider.id(), changes);
    return put;
  }

  /**
   * Creates or replaces a site's SAML identity provider ({@code saml-<name>}) with its provider
   * configuration; recorded as {@code provider.create} or {@code provider.update} with its fields
   * (certificates by their SHA-256 fingerprints).
   */
  public SamlService.PutIdp putSamlIdp(
      Administrator who,
      String apiKey,
      ProviderInfo provider,
      SamlIdpSettings settings,
      boolean enabled) {
    sites.get(apiKey);
    Map<String, Object> before =
        saml.findIdp(apiKey, provider.id())
            .map(
                idp ->
                    samlSnapshot(idp.settings(), sites.provider(apiKey, provider.id()).enabled()))
            .orElse(null);
    SamlService.PutIdp put = saml.putIdp(apiKey, provider, settings, enabled);
    Map<String, Object> after = samlSnapshot(put.idp().settings(), put.config().enabled());
    Changes changes =
        before == null ? Changes.none().all(after) : Changes.none().diff(before, after);
    audit.record(
        who, put.created() ? "provider.create" : "provider.update", apiKey, provider.id(), changes);
    return put;
  }

  public void deleteProvider(Administrator who, String apiKey, String provider) {
    ProviderConfig config = sites.provider(apiKey, provider);
    String appId = config.appId();
    sites.deleteProvider(apiKey, provider);
    audit.record(who, "provider.delete", apiKey, provider, Changes.none().set("appId", appId));
  }

  // ---- application keys -----------------------------------------------------------------------

  public SiteService.CreatedApplication createApplication(
      Administrator who, String apiKey, String name, List<String> permissions) {
    SiteService.CreatedApplication created = sites.createApplication(apiKey, name, permissions);
    audit.record(
        who,
        "application.create",
        apiKey,
        created.key().userKey(),
        Changes.none().set("name", name).set("permissions", permissions));
    return created;
  }

  public SiteService.CreatedApplication createRsaApplication(
      Administrator who, String apiKey, String name, List<String> permissions, String publicKey) {
    SiteService.CreatedApplication created =
        sites.createRsaApplication(apiKey, name, permissions, publicKey);
    audit.record(
        who,
        "application.create",
        apiKey,
        created.key().userKey(),
        Changes.none()
            .set("name", name)
            .set("permissions", permissions)
            .set("keyType", "rsa")
            .set("publicKeyGiven", publicKey != null));
    return created;
  }

  /** A new key pair for an RSA application key (the body's public key, or a generated pair). */
  public SiteService.CreatedApplication replaceKeyPair(
      Administrator who, String apiKey, String userKey, String publicKey) {
    SiteService.CreatedApplication replaced = sites.replaceKeyPair(apiKey, userKey, publicKey);
    audit.record(
        who, "application.keyPair.rotate", apiKey, userKey, Changes.none().rotated("keyPair"));
    return replaced;
  }

  public void deleteApplication(Administrator who, String apiKey, String userKey) {
    ApplicationKey key = sites.application(apiKey, userKey);
    String name = key.name();
    sites.deleteApplication(apiKey, userKey);
    audit.record(who, "application.delete", apiKey, userKey, Changes.none().set("name", name));
  }

  public String rotateApplicationSecret(Administrator who, String apiKey, String userKey) {
    String secret = sites.rotateApplicationSecret(apiKey, userKey);
    audit.record(
        who, "application.secret.rotate", apiKey, userKey, Changes.none().rotated("secret"));
    return secret;
  }

  // ---- accounts -------------------------------------------------------------------------------

  /**
   * Unlinks one identity of the site's account of that UID; its last one only with {@code
   * confirmLast} (see {@link AccountService#unlink}).
   */
  public AccountService.Unlinked unlinkIdentity(
      Administrator who,
      String apiKey,
      String uid,
      String provider,
      String providerUid,
      boolean confirmLast) {
    Account account = account(apiKey, uid);
    AccountService.Unlinked unlinked =
        accounts.unlink(account.id(), provider, providerUid, confirmLast);
    audit.record(
        who,
        "account.identity.unlink",
        apiKey,
        uid,
        Changes.none()
            .set("provider", provider)
            .set("providerUID", providerUid)
            .set("lastIdentity", unlinked.wasLast()));
    return unlinked;
  }

  /** Deletes the site's account of that UID, its identities and its sessions. */
  public void deleteAccount(Administrator who, String apiKey, String uid) {
    Account account = account(apiKey, uid);
    List<String> identities =
        accounts.identities(account.id()).stream()
            .map(i -> i.provider() + ":" + i.providerUid())
            .toList();
    accounts.delete(account.id());
    audit.record(
        who,
        "account.delete",
        apiKey,
        uid,
        Changes.none().set("guest", account.isGuest()).set("identities", identities));
  }

  /** The site's account of a UID: 404000 for an unknown site, 404003 for an unknown UID. */
  private Account account(String apiKey, String uid) {
    sites.get(apiKey);
    return accounts
        .byUid(apiKey, uid)
        .orElseThrow(
            () ->
                new GigyaException(
                    ErrorCode.UID_NOT_FOUND, "The site has no account with UID " + uid, 404));
  }

  // ---- what the log shows of each thing -------------------------------------------------------

  static Map<String, Object> snapshot(Site s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", s.name());
    m.put("domains", List.copyOf(s.domains()));
    m.put("cname", s.cname());
    m.put("dataCenter", s.dataCenter());
    m.put("retrieveContacts", s.retrieveContacts());
    m.put("revokeTokensOnSecretRotation", s.revokeTokensOnSecretRotation());
    m.put("redirectUris", List.copyOf(s.redirectUris()));
    m.put("allowImplicit", s.allowImplicit());
    m.put("requirePkce", s.requirePkce());
    m.put("connectConfirmation", s.connectConfirmation());
    m.put("guestMerge", s.guestMerge().value());
    return m;
  }

  static Map<String, Object> samlSnapshot(SamlIdpSettings s, boolean enabled) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("entityID", s.entityId());
    m.put("singleSignOnServiceUrl", s.ssoUrl());
    m.put("singleSignOnServiceBinding", s.ssoBinding());
    m.put("singleLogoutServiceUrl", s.sloUrl());
    m.put("singleLogoutServiceBinding", s.sloBinding());
    m.put("nameIDFormat", s.nameIdFormat());
    m.put("attributeMap", new LinkedHashMap<>(s.attributeMap()));
    m.put(
        "certificates",
        s.certificates().stream().map(c -> Hashes.sha256Hex(c).substring(0, 16)).toList());
    m.put("allowUnsolicited", s.allowUnsolicited());
    m.put("enabled", enabled);
    return m;
  }

  static Map<String, Object> snapshot(ProviderConfig p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("appId", p.appId());
    m.put("publicKey", p.publicKey());
    m.put("cnameEnabled", p.cnameEnabled());
    m.put("secureRedirectsOnly", p.secureRedirectsOnly());
    m.put("enabled", p.enabled());
    m.put("permissions", List.copyOf(p.permissions()));
    m.put("issuer", p.issuer());
    m.put("allowedHosts", List.copyOf(p.allowedHosts()));
    return m;
  }
}
