package io.junction.web.rest.admin;

import java.util.List;
import java.util.Map;

/** What the admin API answers. No view holds a secret but a site just created, once. */
public final class AdminViews {

  private AdminViews() {}

  /** A site; {@code secret} only in the answer to its creation (null, so absent, otherwise). */
  public record SiteView(
      String apiKey,
      String secret,
      String name,
      List<String> domains,
      String cname,
      String dataCenter,
      boolean retrieveContacts,
      boolean retrieveFriends,
      boolean publishStatus,
      boolean publishUserActions,
      boolean retrievePhotos,
      boolean revokeTokensOnSecretRotation,
      List<String> redirectUris,
      boolean allowImplicit,
      boolean requirePkce,
      boolean connectConfirmation,
      String guestMerge,
      String createdAt,
      String updatedAt) {}

  public record SecretView(String apiKey, String secret) {}

  public record SiteList(List<SiteView> sites) {}

  public record ProviderView(
      String provider,
      String displayName,
      String appId,
      String publicKey,
      String secretKey,
      boolean cnameEnabled,
      boolean secureRedirectsOnly,
      boolean enabled,
      List<String> permissions,
      List<String> callbackUrls,
      String issuer,
      List<String> allowedHosts,
      String updatedAt,
      SamlView saml) {}

  /**
   * A SAML identity provider (saml-&lt;name&gt;) by Gigya's ExternalIdP fields, and what the
   * identity provider needs from this site's service provider. Nothing here is secret.
   */
  public record SamlView(
      String entityID,
      String singleSignOnServiceUrl,
      String singleSignOnServiceBinding,
      String singleLogoutServiceUrl,
      String singleLogoutServiceBinding,
      String nameIDFormat,
      Map<String, String> attributeMap,
      List<String> certificates,
      boolean allowUnsolicited,
      String unsolicitedRedirectUri,
      ServiceProviderView serviceProvider) {}

  /** What to register at the identity provider: this site's service provider. */
  public record ServiceProviderView(
      String entityID,
      String metadataUrl,
      String assertionConsumerServiceUrl,
      String assertionConsumerServiceBinding,
      String singleLogoutServiceUrl,
      String certificate) {}

  public record ProviderList(List<ProviderView> providers) {}

  public record ProviderType(
      String id,
      String displayName,
      boolean usesPublicKey,
      List<String> defaultPermissions,
      String setupNotes,
      List<ProviderCapability> capabilities) {}

  /**
   * What a provider can do with a connection ({@code friends}, {@code contacts}, {@code status},
   * {@code userActions}, {@code photos}) and the permissions that asks of it.
   */
  public record ProviderCapability(String capability, List<String> permissions) {}

  public record ServerInfo(
      String publicUrl,
      String callbackUrl,
      String dataCenter,
      List<String> dataCenters,
      List<ProviderType> providers,
      String oidcSetupNotes) {}
}
