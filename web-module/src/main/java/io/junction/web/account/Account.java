package io.junction.web.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A site account: the user as the site knows them, identified by {@code UID}. A guest account holds
 * the connections a browser made without logging in; it is found by the digest of the browser's
 * guest cookie and merges into the real account at that browser's next login.
 */
@Entity
@Table(name = "account")
@NamedQuery(
    name = "Account.findByUid",
    query = "SELECT a FROM Account a WHERE a.apiKey = :apiKey AND a.uid = :uid")
@NamedQuery(
    name = "Account.findGuest",
    query =
        "SELECT a FROM Account a WHERE a.apiKey = :apiKey AND a.guestKeyHash = :hash AND a.guest = TRUE")
@NamedQuery(
    name = "Account.findGuestId",
    query =
        "SELECT a.id FROM Account a WHERE a.apiKey = :apiKey AND a.guestKeyHash = :hash"
            + " AND a.guest = TRUE")
public class Account {

  @Id
  @Column(name = "id", length = 40)
  private String id;

  @Column(name = "api_key", nullable = false, length = 100)
  private String apiKey;

  @Column(name = "uid", nullable = false, length = 252)
  private String uid;

  @Column(name = "guest", nullable = false)
  private boolean guest;

  @Column(name = "guest_key_hash", length = 64)
  private String guestKeyHash;

  @Column(name = "login_provider", length = 64)
  private String loginProvider;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "last_login_at")
  private Instant lastLoginAt;

  @Version
  @Column(name = "row_version", nullable = false)
  private long version;

  protected Account() {}

  public Account(String id, String apiKey, String uid, Instant now) {
    this.id = id;
    this.apiKey = apiKey;
    this.uid = uid;
    this.createdAt = now;
  }

  public static Account guest(
      String id, String apiKey, String uid, String guestKeyHash, Instant now) {
    Account a = new Account(id, apiKey, uid, now);
    a.guest = true;
    a.guestKeyHash = guestKeyHash;
    return a;
  }

  public String id() {
    return id;
  }

  public String apiKey() {
    return apiKey;
  }

  /** The public UID: the site's own user id when it set one, else a generated {@code _guid_...}. */
  public String uid() {
    return uid;
  }

  public boolean isGuest() {
    return guest;
  }

  public String loginProvider() {
    return loginProvider;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant lastLoginAt() {
    return lastLoginAt;
  }

  /** Replaces the UID (the site's own user id). */
  public void uid(String uid) {
    this.uid = uid;
  }

  /** The account logged in (through a provider, or by the site itself when provider is null). */
  public void loggedIn(String provider, Instant now) {
    this.guest = false;
    this.guestKeyHash = null;
    if (provider != null) {
      this.loginProvider = provider;
    }
    this.lastLoginAt = now;
  }
}
