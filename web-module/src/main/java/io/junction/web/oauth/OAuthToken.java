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

  /** The application key that minted the token, or null. */
  @Column(name = "application_key", length = 100)
  private String applicationKey;

  /** Whether the site's own secret minted the token (getToken, notifyLogin). */
  @Column(name = "by_site_secret", nullable = false)
  private boolean bySiteSecret;

  /**
   * The SHA-256 digest of the browser cookie of the browser that obtained the token: the one that
   * completed the login that issued it (directly, or through its code). Null for tokens minted
   * server-side (client_credentials, notifyLogin) and anonymous ones.
   */
  @Column(name = "browser_hash", length = 64)
  private String browserHash;

  /**
   * The client that minted a token: an application key, the site secret, or neither (a browser
   * flow's token, issued to whoever holds the code or the redirect).
   */
  public record Client(String applicationKey, boolean siteSecret) {
    /** A token of a browser flow. */
    public static final Client BROWSER_FLOW = new Client(null, false);

    /** A token minted with the site secret. */
    public static final Client SITE_SECRET = new Client(null, true);

    /** A token minted with an application key. */
    public static Client applicationKey(String userKey) {
      return new Client(userKey, false);
    }
  }

  protected OAuthToken() {}

  public OAuthToken(
      String tokenHash,
      String apiKey,
      String accountId,
      Kind kind,
      Instant now,
      Instant expiresAt,
      Client client) {
    this.tokenHash = tokenHash;
    this.apiKey = apiKey;
    this.accountId = accountId;
    this.kind = kind.name();
    this.createdAt = now;
    this.expiresAt = expiresAt;
    this.applicationKey = client.applicationKey();
    this.bySiteSecret = client.siteSecret();
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

  public Instant createdAt() {
    return createdAt;
  }

  /** The client that minted the token. */
  public Client client() {
    return new Client(applicationKey, bySiteSecret);
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  /** The digest of the browser cookie of the browser that obtained the token, or null. */
  public String browserHash() {
    return browserHash;
  }

  /** Binds the token to the browser that obtained it (the digest of its browser cookie). */
  void browserHash(String value) {
    this.browserHash = value;
  }

  public String sessionSecretEncrypted() {
    return sessionSecretEncrypted;
  }

  public void sessionSecretEncrypted(String value) {
    this.sessionSecretEncrypted = value;
  }
}
