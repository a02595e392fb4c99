package io.junction.web.oauth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An access token Junction issued to a site (socialize.getToken, or login with
 * response_type=token). Only its SHA-256 digest is stored.
 */
@Entity
@Table(name = "oauth_token")
public class OAuthToken {

  /** Whose token it is. */
  public enum Kind {
    /** A logged-in user's: it has an account. */
    USER,
    /** grant_type=none: an anonymous session, no account. */
    ANONYMOUS,
    /** grant_type=client_credentials without x_siteUID: the site's own server. */
    SERVER
  }

  @Id
  @Column(name = "token_hash", length = 64)
  private String tokenHash;

  @Column(name = "api_key", nullable = false, length = 100)
  private String apiKey;

  @Column(name = "account_id", length = 40)
  private String accountId;

  @Column(name = "kind", nullable = false, length = 16)
  private String kind;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  /**
   * A mobile session's secret (notifyLogin targetEnv=mobile), encrypted; it signs that session's
   * calls.
   */
  @Column(name = "session_secret_enc", length = 500)
  private String sessionSecretEncrypted;

  protected OAuthToken() {}

  public OAuthToken(
      String tokenHash,
      String apiKey,
      String accountId,
      Kind kind,
      Instant now,
      Instant expiresAt) {
    this.tokenHash = tokenHash;
    this.apiKey = apiKey;
    this.accountId = accountId;
    this.kind = kind.name();
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  public String tokenHash() {
    return tokenHash;
  }

  public String apiKey() {
    return apiKey;
  }

  public String accountId() {
    return accountId;
  }

  public Kind kind() {
    return Kind.valueOf(kind);
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public String sessionSecretEncrypted() {
    return sessionSecretEncrypted;
  }

  public void sessionSecretEncrypted(String value) {
    this.sessionSecretEncrypted = value;
  }
}
