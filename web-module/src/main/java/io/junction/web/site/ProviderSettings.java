package io.junction.web.site;

import java.util.List;

/**
 * What an administrator sets for a provider, validated; {@code secretKey} is null when the stored
 * one is kept, {@code issuer} is set and {@code allowedHosts} may be set for oidc-&lt;name&gt;
 * providers only.
 */
public record ProviderSettings(
    String appId,
    String publicKey,
    String secretKey,
    boolean cnameEnabled,
    boolean secureRedirectsOnly,
    boolean enabled,
    List<String> permissions,
    String issuer,
    List<String> allowedHosts) {

  public ProviderSettings {
    permissions = List.copyOf(permissions);
    allowedHosts = List.copyOf(allowedHosts);
  }

  @Override
  public String toString() {
    return "ProviderSettings[appId="
        + appId
        + ", secretKey="
        + (secretKey == null ? "kept" : "****")
        + "]";
  }
}
