package io.junction.web.oauth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A single-use, short-lived authorization code for socialize.getToken; stored as a digest, bound to
 * the site, the redirect URI and, when the login carried one, the site's PKCE challenge.
 */
@Entity
@Table(name = "authorization_code")
public class AuthorizationCode {

  @Id
  @Column(name = "code_hash", length = 64)
  private String codeHash;

  @Column(name = "api_key", nullable = false, length = 100)
  private String apiKey;

  @Column(name = "account_id", nullable = false, length = 40)
  private String accountId;

  @Column(name = "redirect_uri", nullable = false, length = 2048)
  private String redirectUri;

  @Column(name = "session_seconds")
  private Long sessionSeconds;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "client_code_challenge", length = 128)
  private String clientCodeChallenge;

  /** The digest of the browser cookie of the browser whose login the code ends; null if none. */
  @Column(name = "browser_hash", length = 64)
  private String browserHash;

  protected AuthorizationCode() {}

  /** A code whose login carried no PKCE challenge. */
  public AuthorizationCode(
      String codeHash,
      String apiKey,
      String accountId,
      String redirectUri,
      Long sessionSeconds,
      Instant expiresAt) {
    this(codeHash, apiKey, accountId, redirectUri, sessionSeconds, null, expiresAt);
  }

  public AuthorizationCode(
      String codeHash,
      String apiKey,
      String accountId,
      String redirectUri,
      Long sessionSeconds,
      String clientCodeChallenge,
      Instant expiresAt) {
    this.codeHash = codeHash;
    this.apiKey = apiKey;
    this.accountId = accountId;
    this.redirectUri = redirectUri;
    this.sessionSeconds = sessionSeconds;
    this.clientCodeChallenge = clientCodeChallenge;
    this.expiresAt = expiresAt;
  }

  public String apiKey() {
    return apiKey;
  }

  public String accountId() {
    return accountId;
  }

  public String redirectUri() {
    return redirectUri;
  }

  public Long sessionSeconds() {
    return sessionSeconds;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  /** The site's S256 code_challenge of the login, or null: getToken then takes no verifier. */
  public String clientCodeChallenge() {
    return clientCodeChallenge;
  }

  /** The digest of the browser cookie of the browser whose login the code ends, or null. */
  public String browserHash() {
    return browserHash;
  }

  /** Binds the code to the browser whose login it ends; its token inherits the binding. */
  void browserHash(String value) {
    this.browserHash = value;
  }
}
