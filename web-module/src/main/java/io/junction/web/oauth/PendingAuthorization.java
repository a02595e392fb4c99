package io.junction.web.oauth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A browser on its way to a provider and back: what socialize.login or socialize.addConnection
 * asked for, keyed by the digest of the state sent to the provider, bound to the browser by the
 * digest of its flow cookie. Consumed once at the callback; expires after ten minutes.
 */
@Entity
@Table(name = "pending_authorization")
public class PendingAuthorization {

  /** What the flow does at the callback. */
  public enum Flow {
    LOGIN,
    CONNECT
  }

  @Id
  @Column(name = "state_hash", length = 64)
  private String stateHash;

  @Column(name = "api_key", nullable = false, length = 100)
  private String apiKey;

  @Column(name = "provider", nullable = false, length = 64)
  private String provider;

  @Column(name = "flow", nullable = false, length = 16)
  private String flow;

  @Column(name = "account_id", length = 40)
  private String accountId;

  @Column(name = "browser_hash", nullable = false, length = 64)
  private String browserHash;

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

  @Column(name = "callback_url", nullable = false, length = 2048)
  private String callbackUrl;

  @Column(name = "code_verifier_enc", length = 500)
  private String codeVerifierEncrypted;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "nonce", length = 100)
  private String nonce;

  protected PendingAuthorization() {}

  public PendingAuthorization(
      String stateHash,
      String apiKey,
      String provider,
      Flow flow,
      String accountId,
      String browserHash,
      String redirectUri,
      String responseType,
      String clientState,
      String lang,
      Long sessionSeconds,
      String callbackUrl,
      String codeVerifierEncrypted,
      Instant expiresAt) {
    this.stateHash = stateHash;
    this.apiKey = apiKey;
    this.provider = provider;
    this.flow = flow.name();
    this.accountId = accountId;
    this.browserHash = browserHash;
    this.redirectUri = redirectUri;
    this.responseType = responseType;
    this.clientState = clientState;
    this.lang = lang;
    this.sessionSeconds = sessionSeconds;
    this.callbackUrl = callbackUrl;
    this.codeVerifierEncrypted = codeVerifierEncrypted;
    this.expiresAt = expiresAt;
  }

  public String stateHash() {
    return stateHash;
  }

  public String apiKey() {
    return apiKey;
  }

  public String provider() {
    return provider;
  }

  public Flow flow() {
    return Flow.valueOf(flow);
  }

  public String accountId() {
    return accountId;
  }

  public String browserHash() {
    return browserHash;
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

  public String callbackUrl() {
    return callbackUrl;
  }

  public String codeVerifierEncrypted() {
    return codeVerifierEncrypted;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  /** The OpenID Connect nonce sent to the provider, or null. */
  public String nonce() {
    return nonce;
  }

  public PendingAuthorization nonce(String value) {
    this.nonce = value;
    return this;
  }
}
