package io.junction.web.oauth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A question put to a browser on a page, and what Junction does once it is answered: a login whose
 * browser holds guest connections ({@link Kind#GUEST_MERGE}: the identity is already linked to its
 * account; the merge and the redirect with the code wait), or a connection started from a browser
 * other than the one that obtained the token ({@link Kind#CONNECT}: the provider's authorization
 * URL waits).
 *
 * <p>Keyed by the SHA-256 digest of the page's random single-use value (the anti-CSRF value of its
 * form), bound to the browser by the digest of its browser cookie, answered at most once ({@code
 * used}), and expiring with the flow ({@code junction.flow.lifetime-seconds}).
 */
@Entity
@Table(name = "browser_confirmation")
public class BrowserConfirmation {

  /** What the page asks. */
  public enum Kind {
    /** Add the browser's guest connections to the account being logged into? */
    GUEST_MERGE,
    /** Connect a network to an account whose token another browser obtained? */
    CONNECT
  }

  @Id
  @Column(name = "confirmation_hash", length = 64)
  private String confirmationHash;

  @Column(name = "kind", nullable = false, length = 16)
  private String kind;

  @Column(name = "api_key", nullable = false, length = 100)
  private String apiKey;

  @Column(name = "browser_hash", nullable = false, length = 64)
  private String browserHash;

  @Column(name = "account_id", nullable = false, length = 40)
  private String accountId;

  @Column(name = "guest_account_id", length = 40)
  private String guestAccountId;

  @Column(name = "provider", nullable = false, length = 64)
  private String provider;

  @Column(name = "redirect_uri", nullable = false, length = 2048)
  private String redirectUri;

  @Column(name = "response_type", nullable = false, length = 8)
  private String responseType;

  @Column(name = "client_state", length = 1024)
  private String clientState;

  @Column(name = "lang", length = 16)
  private String lang;

  @Column(name = "session_seconds")
  private Long sessionSeconds;

  @Column(name = "location_enc", length = 8000)
  private String locationEncrypted;

  @Column(name = "used", nullable = false)
  private boolean used;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "client_code_challenge", length = 128)
  private String clientCodeChallenge;

  protected BrowserConfirmation() {}

  /**
   * A question about to be asked.
   *
   * @param accountId the account logged into, or the account the connection joins
   * @param provider the provider logged in with, or the one to connect
   * @param redirectUri the site's page the flow ends at, already checked
   */
  public BrowserConfirmation(
      String confirmationHash,
      Kind kind,
      String apiKey,
      String browserHash,
      String accountId,
      String provider,
      String redirectUri,
      String responseType,
      String clientState,
      String lang,
      Instant expiresAt) {
    this.confirmationHash = confirmationHash;
    this.kind = kind.name();
    this.apiKey = apiKey;
    this.browserHash = browserHash;
    this.accountId = accountId;
    this.provider = provider;
    this.redirectUri = redirectUri;
    this.responseType = responseType;
    this.clientState = clientState;
    this.lang = lang;
    this.expiresAt = expiresAt;
  }

  /**
   * A login's: the guest account whose connections may join, the session asked for, and the site's
   * PKCE code_challenge its code must carry (or null).
   */
  public BrowserConfirmation guestMerge(
      String guestAccountId, Long sessionSeconds, String clientCodeChallenge) {
    this.guestAccountId = guestAccountId;
    this.sessionSeconds = sessionSeconds;
    this.clientCodeChallenge = clientCodeChallenge;
    return this;
  }

  /** The site's PKCE code_challenge of a parked login, or null. */
  public String clientCodeChallenge() {
    return clientCodeChallenge;
  }

  /** A connection's: the provider's authorization URL, encrypted. */
  public BrowserConfirmation providerLocation(String encrypted) {
    this.locationEncrypted = encrypted;
    return this;
  }

  public String confirmationHash() {
    return confirmationHash;
  }

  public Kind kind() {
    return Kind.valueOf(kind);
  }

  public String apiKey() {
    return apiKey;
  }

  public String browserHash() {
    return browserHash;
  }

  public String accountId() {
    return accountId;
  }

  public String guestAccountId() {
    return guestAccountId;
  }

  public String provider() {
    return provider;
  }

  public String redirectUri() {
    return redirectUri;
  }

  public String responseType() {
    return responseType;
  }

  public String clientState() {
    return clientState;
  }

  public String lang() {
    return lang;
  }

  public Long sessionSeconds() {
    return sessionSeconds;
  }

  public String locationEncrypted() {
    return locationEncrypted;
  }

  public boolean used() {
    return used;
  }

  public Instant expiresAt() {
    return expiresAt;
  }
}
