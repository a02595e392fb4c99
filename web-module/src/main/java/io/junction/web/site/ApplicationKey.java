package io.junction.web.site;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An application key of a site: a {@code userKey} with its own secret, for servers that sign their
 * calls (or send the secret over HTTPS) without holding the site secret, limited to the methods its
 * permissions name ({@code socialize.getUserInfo}, or {@code socialize.*}).
 */
@Entity
@Table(name = "application_key")
@NamedQuery(
    name = "ApplicationKey.findBySite",
    query =
        "SELECT k FROM ApplicationKey k WHERE k.apiKey = :apiKey ORDER BY k.createdAt, k.userKey")
public class ApplicationKey {

  @Id
  @Column(name = "user_key", length = 100)
  private String userKey;

  @Column(name = "api_key", nullable = false, length = 100)
  private String apiKey;

  @Column(name = "name", nullable = false, length = 200)
  private String name;

  @Column(name = "secret_enc", nullable = false, length = 500)
  private String secretEncrypted;

  @Convert(converter = StringListConverter.class)
  @Column(name = "permissions", nullable = false, length = 2000)
  private List<String> permissions = new ArrayList<>();

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected ApplicationKey() {}

  public ApplicationKey(
      String userKey,
      String apiKey,
      String name,
      String secretEncrypted,
      List<String> permissions,
      Instant now) {
    this.userKey = userKey;
    this.apiKey = apiKey;
    this.name = name;
    this.secretEncrypted = secretEncrypted;
    this.permissions = new ArrayList<>(permissions);
    this.createdAt = now;
  }

  /** Replaces the key's secret (encrypted); the userKey and permissions stay. */
  public void secretEncrypted(String value) {
    this.secretEncrypted = value;
  }

  public String userKey() {
    return userKey;
  }

  public String apiKey() {
    return apiKey;
  }

  public String name() {
    return name;
  }

  public String secretEncrypted() {
    return secretEncrypted;
  }

  public List<String> permissions() {
    return List.copyOf(permissions);
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** Whether the key may call {@code method} ({@code socialize.getUserInfo}). */
  public boolean permits(String method) {
    for (String p : permissions) {
      if (p.equals("*")
          || p.equalsIgnoreCase(method)
          || (p.endsWith(".*") && method.regionMatches(true, 0, p, 0, p.length() - 1))) {
        return true;
      }
    }
    return false;
  }
}
