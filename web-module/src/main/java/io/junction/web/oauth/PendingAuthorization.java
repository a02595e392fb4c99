package io.junction.web.oauth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A browser on its way to a provider and back: what socialize.login or socialize.addConnection
 * asked for, keyed by the digest of the state sent to the provider, bound to the browser by the
 * digest of its browser cookie. Taken away at the callback of that browser, once; expires after
 * {@code junction.flow.lifetime-seconds} (ten minutes by default). Built with {@link #builder()}.
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

  @Column(name = "client_code_challenge", length = 128)
  private String clientCodeChallenge;

  @Column(name = "requested_scopes", length = 2000)
  private String requestedScopes;

  protected PendingAuthorization() {}

  private PendingAuthorization(Builder b) {
    this.stateHash = required(b.stateHash, "stateHash");
    this.apiKey = required(b.apiKey, "apiKey");
    this.provider = required(b.provider, "provider");
    this.flow = required(b.flow, "flow").name();
    this.accountId = b.accountId;
    this.browserHash = required(b.browserHash, "browserHash");
    this.redirectUri = required(b.redirectUri, "redirectUri");
    this.responseType = required(b.responseType, "responseType");
    this.clientState = b.clientState;
    this.lang = b.lang;
    this.sessionSeconds = b.sessionSeconds;
    this.callbackUrl = required(b.callbackUrl, "callbackUrl");
    this.codeVerifierEncrypted = b.codeVerifierEncrypted;
    this.expiresAt = required(b.expiresAt, "expiresAt");
    this.nonce = b.nonce;
    this.clientCodeChallenge = b.clientCodeChallenge;
    this.requestedScopes = b.requestedScopes;
  }

  private static <T> T required(T value, String part) {
    if (value == null) {
      throw new IllegalStateException("A pending authorization needs its " + part);
    }
    return value;
  }

  /** A pending authorization, part by part; {@link Builder#build()} checks the required parts. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The parts of a pending authorization. Required: stateHash, apiKey, provider, flow, browserHash,
   * redirectUri, responseType, callbackUrl, expiresAt; the others may stay null.
   */
  public static final class Builder {
    private String stateHash;
    private String apiKey;
    private String provider;
    private Flow flow;
    private String accountId;
    private String browserHash;
    private String redirectUri;
    private String responseType;
    private String clientState;
    private String lang;
    private Long sessionSeconds;
    private String callbackUrl;
    private String codeVerifierEncrypted;
    private Instant expiresAt;
    private String nonce;
    private String clientCodeChallenge;
    private String requestedScopes;

    private Builder() {}

    /** The SHA-256 digest (hex) of the state sent to the provider: the row's key. */
    public Builder stateHash(String value) {
      this.stateHash = value;
      return this;
    }

    /** The site's API key. */
    public Builder apiKey(String value) {
      this.apiKey = value;
      return this;
    }

    /** The provider's id (its Gigya name, or oidc-&lt;name&gt;). */
    public Builder provider(String value) {
      this.provider = value;
      return this;
    }

    /** A login or a connection. */
    public Builder flow(Flow value) {
      this.flow = value;
      return this;
    }

    /** The account a connection joins (a user's token); null for a login or a guest. */
    public Builder accountId(String value) {
      this.accountId = value;
      return this;
    }

    /** The SHA-256 digest (hex) of the browser cookie (the browser's id). */
    public Builder browserHash(String value) {
      this.browserHash = value;
      return this;
    }

    /** The site's page the browser returns to, already checked against the site's domains. */
    public Builder redirectUri(String value) {
      this.redirectUri = value;
      return this;
    }

    /** {@code code} or {@code token}. */
    public Builder responseType(String value) {
      this.responseType = value;
      return this;
    }

    /** The site's own state, echoed back to redirect_uri; may be null. */
    public Builder clientState(String value) {
      this.clientState = value;
      return this;
    }

    /** The language of error messages (x_lang). */
    public Builder lang(String value) {
      this.lang = value;
      return this;
    }

    /** The session expiration the site asked for (x_session_expiration), or null. */
    public Builder sessionSeconds(Long value) {
      this.sessionSeconds = value;
      return this;
    }

    /** The callback URL the provider was given; the code exchange must name the same one. */
    public Builder callbackUrl(String value) {
      this.callbackUrl = value;
      return this;
    }

    /** The PKCE code verifier, encrypted; null when the provider takes no PKCE. */
    public Builder codeVerifierEncrypted(String value) {
      this.codeVerifierEncrypted = value;
      return this;
    }

    /** When the browser's time at the provider runs out. */
    public Builder expiresAt(Instant value) {
      this.expiresAt = value;
      return this;
    }

    /** The OpenID Connect nonce sent to the provider, or null. */
    public Builder nonce(String value) {
      this.nonce = value;
      return this;
    }

    /**
     * The site's own PKCE challenge (S256) for the code it will redeem, or null; not the code
     * verifier Junction keeps for the provider.
     */
    public Builder clientCodeChallenge(String value) {
      this.clientCodeChallenge = value;
      return this;
    }

    /** The scopes asked of the provider, space-separated (at most 2000 characters), or null. */
    public Builder requestedScopes(String value) {
      this.requestedScopes = value;
      return this;
    }

    /** The entity; {@link IllegalStateException} naming the first required part that is missing. */
    public PendingAuthorization build() {
      return new PendingAuthorization(this);
    }
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

  /** The site's S256 code_challenge, carried to the code it ends with; null when none. */
  public String clientCodeChallenge() {
    return clientCodeChallenge;
  }

  /** The scopes asked of the provider, space-separated, or null. */
  public String requestedScopes() {
    return requestedScopes;
  }
}
