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
 * An application key of a site: a {@code userKey} for servers that call without holding the site
 * secret, limited to the methods its permissions name ({@code socialize.getUserInfo}, or {@code
 * socialize.*}). It proves itself either with its own secret (signing its calls, or sending the
 * secret over HTTPS) or, as an RSA key, with JWTs signed by a private key of which Junction keeps
 * only the public half.
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

  /** The encrypted secret of a secret key; null for an RSA key. */
  @Column(name = "secret_enc", length = 500)
  private String secretEncrypted;

  /** Base64 of the X.509 public key of an RSA key; null for a secret key. */
  @Column(name = "public_key", length = 4000)
  private String publicKey;

  @Column(name = "key_rotated_at")
  private Instant keyRotatedAt;

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

  /** A new RSA application key holding only its public key (Base64 X.509). */
  public static ApplicationKey rsa(
      String userKey,
      String apiKey,
      String name,
      String publicKey,
      List<String> permissions,
      Instant now) {
    ApplicationKey key = new ApplicationKey(userKey, apiKey, name, null, permissions, now);
    key.publicKey = publicKey;
    return key;
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

  /** Whether the key authenticates with RS256 JWTs (it has a public key and no secret). */
  public boolean rsa() {
    return publicKey != null;
  }

  /** The RSA public key as Base64 X.509, or null for a secret key. */
  public String publicKey() {
    return publicKey;
  }

  /** When the key pair was last replaced, or null. */
  public Instant keyRotatedAt() {
    return keyRotatedAt;
  }

  /** Replaces the public key of an RSA key; the userKey stays. */
  public void replacePublicKey(String publicKey, Instant now) {
    if (!rsa()) {
      throw new IllegalStateException("a secret application key has no key pair");
    }
    this.publicKey = publicKey;
    this.keyRotatedAt = now;
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
