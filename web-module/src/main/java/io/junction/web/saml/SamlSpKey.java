package io.junction.web.saml;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A site's service-provider key pair: the private key (PKCS#8, encrypted at rest) that signs its
 * AuthnRequests, and the self-signed certificate its metadata publishes.
 */
@Entity
@Table(name = "saml_sp_key")
public class SamlSpKey {

  @Id
  @Column(name = "api_key", length = 100)
  private String apiKey;

  @Column(name = "private_key_enc", nullable = false, length = 4000)
  private String privateKeyEncrypted;

  @Column(name = "certificate", nullable = false, length = 4000)
  private String certificate;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected SamlSpKey() {}

  public SamlSpKey(
      String apiKey, String privateKeyEncrypted, String certificate, Instant createdAt) {
    this.apiKey = apiKey;
    this.privateKeyEncrypted = privateKeyEncrypted;
    this.certificate = certificate;
    this.createdAt = createdAt;
  }

  public String apiKey() {
    return apiKey;
  }

  public String privateKeyEncrypted() {
    return privateKeyEncrypted;
  }

  /** The certificate's Base64 DER. */
  public String certificate() {
    return certificate;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
