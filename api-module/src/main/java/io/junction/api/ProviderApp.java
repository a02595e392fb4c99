package io.junction.api;

import java.util.List;
import java.util.Objects;

/**
 * A site's application at a provider, as the connector needs it: the credentials in clear (held
 * only for the call) and the permissions to request.
 *
 * @param appId the application (client) ID
 * @param publicKey the public application key, for providers that issue one (Odnoklassniki), or
 *     null
 * @param secretKey the application secret
 * @param permissions the permissions configured for the site (may be empty)
 * @param issuer the OpenID Connect issuer URL of a provider the site names itself ({@code
 *     oidc-<name>}), or null
 * @param allowedHosts the hosts besides the issuer's on which that provider's discovery document
 *     may place its endpoints (normalised host names; empty for none)
 */
public record ProviderApp(
    String appId,
    String publicKey,
    String secretKey,
    List<String> permissions,
    String issuer,
    List<String> allowedHosts) {

  public ProviderApp {
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(secretKey, "secretKey");
    permissions = List.copyOf(permissions);
    allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
  }

  /** An application of a provider found by its issuer, its endpoints on the issuer's host only. */
  public ProviderApp(
      String appId, String publicKey, String secretKey, List<String> permissions, String issuer) {
    this(appId, publicKey, secretKey, permissions, issuer, List.of());
  }

  /** An application of a provider with fixed endpoints. */
  public ProviderApp(String appId, String publicKey, String secretKey, List<String> permissions) {
    this(appId, publicKey, secretKey, permissions, null, List.of());
  }

  @Override
  public String toString() {
    return "ProviderApp[appId=" + appId + ", secretKey=****]";
  }
}
