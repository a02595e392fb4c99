package io.junction.web.site;

import io.junction.api.Capability;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A site: an API key with its secret, the domains it may redirect to, its data center. */
@Entity
@Table(name = "site")
@NamedQuery(name = "Site.findAll", query = "SELECT s FROM Site s ORDER BY s.createdAt, s.apiKey")
public class Site {

  @Id
  @Column(name = "api_key", length = 100)
  private String apiKey;

  @Column(name = "name", nullable = false, length = 200)
  private String name;

  // Lazy: only redirect_uri checks and the admin API read the domains, not every call.
  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "site_domain", joinColumns = @JoinColumn(name = "api_key"))
  @OrderColumn(name = "ordinal")
  @Column(name = "host_name", nullable = false, length = 253)
  private List<String> domains = new ArrayList<>();

  @Column(name = "cname", length = 253)
  private String cname;

  @Column(name = "data_center", nullable = false, length = 8)
  private String dataCenter;

  @Column(name = "retrieve_contacts", nullable = false)
  private boolean retrieveContacts;

  @Column(name = "retrieve_friends", nullable = false)
  private boolean retrieveFriends;

  @Column(name = "publish_status", nullable = false)
  private boolean publishStatus;

  @Column(name = "publish_user_actions", nullable = false)
  private boolean publishUserActions;

  @Column(name = "retrieve_photos", nullable = false)
  private boolean retrievePhotos;

  // Lazy, as the domains: only the first leg and the admin API read them.
  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "site_redirect_uri", joinColumns = @JoinColumn(name = "api_key"))
  @OrderColumn(name = "ordinal")
  @Column(name = "redirect_uri", nullable = false, length = 2048)
  private List<String> redirectUris = new ArrayList<>();

  @Column(name = "allow_implicit", nullable = false)
  private boolean allowImplicit = true;

  @Column(name = "require_pkce", nullable = false)
  private boolean requirePkce;

  @Column(name = "connect_confirmation", nullable = false)
  private boolean connectConfirmation = true;

  @Column(name = "guest_merge", nullable = false, length = 16)
  private String guestMerge = GuestMerge.CONFIRM.value();

  @Column(name = "revoke_tokens_on_rotation", nullable = false)
  private boolean revokeTokensOnSecretRotation;

  @Column(name = "secret_rotated_at")
  private Instant secretRotatedAt;

  /** The site secret, encrypted (see {@code SecretCipher}); never leaves the server. */
  @Column(name = "secret_enc", nullable = false, length = 500)
  private String secretEncrypted;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "row_version", nullable = false)
  private long version;

  protected Site() {}

  public Site(String apiKey, Instant now) {
    this.apiKey = apiKey;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public String apiKey() {
    return apiKey;
  }

  public String name() {
    return name;
  }

  public List<String> domains() {
    return List.copyOf(domains);
  }

  public String cname() {
    return cname;
  }

  public String dataCenter() {
    return dataCenter;
  }

  public boolean retrieveContacts() {
    return retrieveContacts;
  }

  /** The switches of the social graph and actions besides retrieveContacts. */
  public SocialPermissions social() {
    return new SocialPermissions(
        retrieveFriends, publishStatus, publishUserActions, retrievePhotos);
  }

  /** Whether the site switched a capability on (its methods answer 403022 otherwise). */
  public boolean allows(Capability capability) {
    return switch (capability) {
      case FRIENDS -> retrieveFriends;
      case CONTACTS -> retrieveContacts;
      case STATUS -> publishStatus;
      case USER_ACTIONS -> publishUserActions;
      case PHOTOS -> retrievePhotos;
    };
  }

  /** The exact redirect URIs the site registered; when any, only they are accepted. */
  public List<String> redirectUris() {
    return List.copyOf(redirectUris);
  }

  /** Whether the implicit flow (response_type=token) is allowed (default true, as Gigya's). */
  public boolean allowImplicit() {
    return allowImplicit;
  }

  /** Whether login and addConnection require a PKCE code_challenge (S256). */
  public boolean requirePkce() {
    return requirePkce;
  }

  /** Whether connecting a network from a browser other than the token's asks for confirmation. */
  public boolean connectConfirmation() {
    return connectConfirmation;
  }

  /** What happens to a browser's guest connections at login. */
  public GuestMerge guestMerge() {
    return GuestMerge.of(guestMerge).orElse(GuestMerge.CONFIRM);
  }

  /**
   * Whether replacing the site secret ends the tokens minted with the old one (default false: Gigya
   * keeps them).
   */
  public boolean revokeTokensOnSecretRotation() {
    return revokeTokensOnSecretRotation;
  }

  /** When the secret was last replaced, or null. */
  public Instant secretRotatedAt() {
    return secretRotatedAt;
  }

  public String secretEncrypted() {
    return secretEncrypted;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** Replaces the settings an administrator edits. */
  public void update(SiteSettings settings, Instant now) {
    this.name = settings.name();
    this.domains.clear();
    this.domains.addAll(settings.domains());
    this.cname = settings.cname();
    this.dataCenter = settings.dataCenter();
    this.retrieveContacts = settings.retrieveContacts();
    this.retrieveFriends = settings.social().retrieveFriends();
    this.publishStatus = settings.social().publishStatus();
    this.publishUserActions = settings.social().publishUserActions();
    this.retrievePhotos = settings.social().retrievePhotos();
    this.revokeTokensOnSecretRotation = settings.revokeTokensOnSecretRotation();
    this.redirectUris.clear();
    this.redirectUris.addAll(settings.redirectUris());
    this.allowImplicit = settings.allowImplicit();
    this.requirePkce = settings.requirePkce();
    this.connectConfirmation = settings.connectConfirmation();
    this.guestMerge = settings.guestMerge().value();
    this.updatedAt = now;
  }

  public void secretEncrypted(String value, Instant now) {
    this.secretEncrypted = value;
    this.updatedAt = now;
  }

  /** A new secret replaces the old one. */
  public void secretRotated(String value, Instant now) {
    secretEncrypted(value, now);
    this.secretRotatedAt = now;
  }
}
