package io.junction.web.saml;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A login through a site's SAML identity provider: the IdP's subject (NameID, its format, the
 * SessionIndex) and the identity it became (its provider UID), for single logout in both
 * directions.
 */
@Entity
@Table(name = "saml_session")
@NamedQuery(
    name = "SamlSession.bySubject",
    query =
        "SELECT s FROM SamlSession s WHERE s.apiKey = :apiKey AND s.provider = :provider"
            + " AND s.nameId = :nameId")
@NamedQuery(
    name = "SamlSession.byIdentity",
    query =
        "SELECT s FROM SamlSession s WHERE s.apiKey = :apiKey AND s.provider = :provider"
            + " AND s.providerUid = :providerUid ORDER BY s.createdAt DESC, s.id")
@NamedQuery(
    name = "SamlSession.purge",
    query = "DELETE FROM SamlSession s WHERE s.createdAt < :before")
public class SamlSession {

  @Id
  @Column(name = "id", length = 40)
  private String id;

  @Column(name = "api_key", nullable = false, length = 100)
  private String apiKey;

  @Column(name = "provider", nullable = false, length = 64)
  private String provider;

  @Column(name = "name_id", nullable = false, length = 1024)
  private String nameId;

  @Column(name = "name_id_format", length = 200)
  private String nameIdFormat;

  @Column(name = "session_index", length = 512)
  private String sessionIndex;

  @Column(name = "provider_uid", nullable = false, length = 255)
  private String providerUid;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected SamlSession() {}

  public SamlSession(
      String id,
      String apiKey,
      String provider,
      String nameId,
      String nameIdFormat,
      String sessionIndex,
      String providerUid,
      Instant createdAt) {
    this.id = id;
    this.apiKey = apiKey;
    this.provider = provider;
    this.nameId = nameId;
    this.nameIdFormat = nameIdFormat;
    this.sessionIndex = sessionIndex;
    this.providerUid = providerUid;
    this.createdAt = createdAt;
  }

  public String provider() {
    return provider;
  }

  public String nameId() {
    return nameId;
  }

  public String nameIdFormat() {
    return nameIdFormat;
  }

  public String sessionIndex() {
    return sessionIndex;
  }

  public String providerUid() {
    return providerUid;
  }
}
