package io.junction.web.account;

import io.junction.api.SocialProfile;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A social identity (one provider profile) linked to a site account: the user can log in with it,
 * and while its provider session (the tokens, encrypted) is valid it is a connection. Unique per
 * site, provider and provider UID, which the database enforces.
 */
@Entity
@Table(name = "social_identity")
@NamedQuery(
    name = "SocialIdentity.find",
    query =
        "SELECT i FROM SocialIdentity i WHERE i.apiKey = :apiKey AND i.provider = :provider"
            + " AND i.providerUid = :providerUid")
@NamedQuery(
    name = "SocialIdentity.findOwner",
    query =
        "SELECT i.accountId FROM SocialIdentity i WHERE i.apiKey = :apiKey"
            + " AND i.provider = :provider AND i.providerUid = :providerUid")
@NamedQuery(
    name = "SocialIdentity.findByAccount",
    query =
        "SELECT i FROM SocialIdentity i WHERE i.accountId = :accountId ORDER BY i.createdAt, i.id")
public class SocialIdentity {

  @Id
  @Column(name = "id", length = 40)
  private String id;

  @Column(name = "account_id", nullable = false, length = 40)
  private String accountId;

  @Column(name = "api_key", nullable = false, length = 100)
  private String apiKey;

  @Column(name = "provider", nullable = false, length = 64)
  private String provider;

  @Column(name = "provider_uid", nullable = false, length = 255)
  private String providerUid;

  @Column(name = "nickname")
  private String nickname;

  @Column(name = "first_name")
  private String firstName;

  @Column(name = "last_name")
  private String lastName;

  @Column(name = "email", length = 320)
  private String email;

  @Column(name = "photo_url", length = 2000)
  private String photoUrl;

  @Column(name = "thumbnail_url", length = 2000)
  private String thumbnailUrl;

  @Column(name = "profile_url", length = 2000)
  private String profileUrl;

  @Column(name = "gender", length = 8)
  private String gender;

  @Column(name = "birthday", length = 32)
  private String birthday;

  @Column(name = "locale", length = 32)
  private String locale;

  @Column(name = "access_token_enc", length = 4000)
  private String accessTokenEncrypted;

  @Column(name = "refresh_token_enc", length = 4000)
  private String refreshTokenEncrypted;

  @Column(name = "granted_scopes", length = 2000)
  private String grantedScopes;

  @Column(name = "token_expires_at")
  private Instant tokenExpiresAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "row_version", nullable = false)
  private long version;

  protected SocialIdentity() {}

  public SocialIdentity(
      String id,
      String accountId,
      String apiKey,
      String provider,
      String providerUid,
      Instant now) {
    this.id = id;
    this.accountId = accountId;
    this.apiKey = apiKey;
    this.provider = provider;
    this.providerUid = providerUid;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public String id() {
    return id;
  }

  public String accountId() {
    return accountId;
  }

  public String apiKey() {
    return apiKey;
  }

  public String provider() {
    return provider;
  }

  public String providerUid() {
    return providerUid;
  }

  public String nickname() {
    return nickname;
  }

  public String firstName() {
    return firstName;
  }

  public String lastName() {
    return lastName;
  }

  public String email() {
    return email;
  }

  public String photoUrl() {
    return photoUrl;
  }

  public String thumbnailUrl() {
    return thumbnailUrl;
  }

  public String profileUrl() {
    return profileUrl;
  }

  public String gender() {
    return gender;
  }

  public String birthday() {
    return birthday;
  }

  public String locale() {
    return locale;
  }

  public String accessTokenEncrypted() {
    return accessTokenEncrypted;
  }

  public String refreshTokenEncrypted() {
    return refreshTokenEncrypted;
  }

  /** The scopes the provider granted, space-separated; null when unknown. */
  public String grantedScopes() {
    return grantedScopes;
  }

  /** Records the scopes the provider granted (null keeps what is known). */
  public void grantedScopes(String scopes) {
    if (scopes != null) {
      this.grantedScopes = clip(scopes, 2000);
    }
  }

  public Instant tokenExpiresAt() {
    return tokenExpiresAt;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** Whether the provider session is there and not known to be expired. */
  public boolean connected(Instant now) {
    return accessTokenEncrypted != null && (tokenExpiresAt == null || tokenExpiresAt.isAfter(now));
  }

  public void moveTo(String accountId) {
    this.accountId = accountId;
  }

  public void profile(SocialProfile p, Instant now) {
    this.nickname = clip(p.nickname(), 255);
    this.firstName = clip(p.firstName(), 255);
    this.lastName = clip(p.lastName(), 255);
    this.email = clip(p.email(), 320);
    this.photoUrl = clip(p.photoUrl(), 2000);
    this.thumbnailUrl = clip(p.thumbnailUrl(), 2000);
    this.profileUrl = clip(p.profileUrl(), 2000);
    this.gender = clip(p.gender(), 8);
    this.birthday = clip(p.birthday(), 32);
    this.locale = clip(p.locale(), 32);
    this.updatedAt = now;
  }

  /** Stores the provider session: encrypted tokens and expiry (null: unknown). */
  public void session(
      String accessEncrypted, String refreshEncrypted, Instant expiresAt, Instant now) {
    this.accessTokenEncrypted = accessEncrypted;
    this.refreshTokenEncrypted = refreshEncrypted;
    this.tokenExpiresAt = expiresAt;
    this.updatedAt = now;
  }

  /** Ends the provider session; the identity stays linked for login. */
  public void disconnect(Instant now) {
    session(null, null, null, now);
  }

  private static String clip(String s, int max) {
    return s == null ? null : s.length() <= max ? s : s.substring(0, max);
  }
}
