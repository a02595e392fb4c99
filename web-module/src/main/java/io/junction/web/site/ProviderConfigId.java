package io.junction.web.site;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/** A provider configuration is one per site and provider. */
@Embeddable
public class ProviderConfigId implements Serializable {

  private static final long serialVersionUID = 1L;

  @Column(name = "api_key", length = 100)
  private String apiKey;

  @Column(name = "provider", length = 64)
  private String provider;

  protected ProviderConfigId() {}

  public ProviderConfigId(String apiKey, String provider) {
    this.apiKey = Objects.requireNonNull(apiKey);
    this.provider = Objects.requireNonNull(provider);
  }

  public String apiKey() {
    return apiKey;
  }

  public String provider() {
    return provider;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProviderConfigId other
        && apiKey.equals(other.apiKey)
        && provider.equals(other.provider);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiKey, provider);
  }
}
