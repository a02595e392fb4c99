package io.junction.web.site;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A site's application at one social network: application ID, public key, secret key (encrypted),
 * CName and secure-redirect switches, permissions.
 */
@Entity
@Table(name = "provider_config")
@NamedQuery(
    name = "ProviderConfig.findBySite",
    query = "SELECT p FROM ProviderConfig p WHERE p.id.apiKey = :apiKey ORDER BY p.id.provider")
public class ProviderConfig {

  @EmbeddedId private ProviderConfigId id;

  @Column(name = "app_id", nullable = false, length = 256)
  private String appId;

  @Column(name = "public_key", length = 256)
  private String publicKey;

  @Column(name = "secret_key_enc", nullable = false, length = 1200)
  private String secretKeyEncrypted;

  @Column(name = "cname_enabled", nullable = false)
  private boolean cnameEnabled;

  @Column(name = "secure_redirects_only", nullable = false)
  private boolean secureRedirectsOnly;

  @Column(name = "enabled", nullable = false)
  private boolean enabled;

  @Convert(converter = StringListConverter.class)
  @Column(name = "permissions", nullable = false, length = 2000)
  private List<String> permissions = new ArrayList<>();

  @Column(name = "issuer", length = 500)
  private String issuer;

  @Convert(converter = StringListConverter.class)
  @Column(name = "allowed_hosts", length = 2000)
  private List<String> allowedHosts = new ArrayList<>();

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "row_version", nullable = false)
  private long version;

  protected ProviderConfig() {}

  public ProviderConfig(ProviderConfigId id) {
    this.id = id;
  }

  public ProviderConfigId id() {
    return id;
  }

  public String provider() {
    return id.provider();
  }

  public String appId() {
    return appId;
  }

  public String publicKey() {
    return publicKey;
  }

  public String secretKeyEncrypted() {
    return secretKeyEncrypted;
  }

  public boolean cnameEnabled() {
    return cnameEnabled;
  }

  public boolean secureRedirectsOnly() {
    return secureRedirectsOnly;
  }

  public boolean enabled() {
    return enabled;
  }

  public List<String> permissions() {
    return List.copyOf(permissions);
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** The issuer URL of an oidc-&lt;name&gt; provider, or null. */
  public String issuer() {
    return issuer;
  }

  /**
   * The hosts besides the issuer's on which an oidc-&lt;name&gt; provider's endpoints may be; empty
   * for none.
   */
  public List<String> allowedHosts() {
    return allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
  }

  /** Applies an administrator's settings; a null encrypted secret keeps the stored one. */
  public void update(ProviderSettings s, String secretKeyEncrypted, Instant now) {
    this.appId = s.appId();
    this.publicKey = s.publicKey();
    if (secretKeyEncrypted != null) {
      this.secretKeyEncrypted = secretKeyEncrypted;
    }
    this.cnameEnabled = s.cnameEnabled();
    this.secureRedirectsOnly = s.secureRedirectsOnly();
    this.enabled = s.enabled();
    this.permissions = new ArrayList<>(s.permissions());
    this.issuer = s.issuer();
    this.allowedHosts = new ArrayList<>(s.allowedHosts());
    this.updatedAt = now;
  }
}
