package io.junction.web.oauth;

import io.junction.api.ErrorCode;
import io.junction.web.account.AccountService;
import io.junction.web.db.OncePerInterval;
import io.junction.web.envelope.GigyaException;
import io.junction.web.security.Hashes;
import io.junction.web.security.Randoms;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Junction's own OAuth 2.0 credentials for sites: access tokens and single-use authorization codes.
 * Only SHA-256 digests are stored, so the database never holds a usable token.
 */
@ApplicationScoped
@Transactional
public class TokenService {

  /** How long a code may wait for socialize.getToken. */
  public static final Duration CODE_LIFETIME = Duration.ofMinutes(2);

  /** A token's lifetime when the caller asks for none. */
  public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofDays(1);

  @PersistenceContext(unitName = "junction")
  EntityManager em;

  @Inject AccountService accounts;

  /** An issued token; {@code expiresIn} is null when it does not expire. */
  public record Issued(String token, Long expiresIn) {}

  /**
   * Issues an access token.
   *
   * @param sessionSeconds Gigya's session expiration: null or 0 for the default, -1 for 60 seconds,
   *     -2 for a token that does not expire, N for N seconds
   */
  public Issued issueToken(
      String apiKey, String accountId, OAuthToken.Kind kind, Long sessionSeconds) {
    return issueToken(apiKey, accountId, kind, sessionSeconds, OAuthToken.Client.BROWSER_FLOW);
  }

  /** Issues an access token minted by {@code client}, which bounds what the token may do. */
  public Issued issueToken(
      String apiKey,
      String accountId,
      OAuthToken.Kind kind,
      Long sessionSeconds,
      OAuthToken.Client client) {
    return issueToken(apiKey, accountId, kind, sessionSeconds, client, null);
  }

  /**
   * Issues an access token minted by {@code client}, bound to the browser that obtained it (the
   * digest of its browser cookie; null for none).
   */
  public Issued issueToken(
      String apiKey,
      String accountId,
      OAuthToken.Kind kind,
      Long sessionSeconds,
      OAuthToken.Client client,
      String browserHash) {
    Instant now = Instant.now();
    Long lifetime = lifetimeSeconds(sessionSeconds);
    String token = "jt1." + Randoms.urlSafe(32);
    OAuthToken t =
        new OAuthToken(
            Hashes.sha256Hex(token),
            apiKey,
            accountId,
            kind,
            now,
            lifetime == null ? null : now.plusSeconds(lifetime),
            client);
    t.browserHash(browserHash);
    em.persist(t);
    return new Issued(token, lifetime);
  }

  static Long lifetimeSeconds(Long sessionSeconds) {
    if (sessionSeconds == null || sessionSeconds == 0) {
      return DEFAULT_TOKEN_LIFETIME.toSeconds();
    }
    if (sessionSeconds == -1) {
      return 60L;
    }
    if (sessionSeconds == -2) {
      return null;
    }
    return sessionSeconds;
  }

  /** The token's record: 403025 when it is unknown or expired. */
  @Transactional(Transactional.TxType.SUPPORTS)
  @WithSpan(value = "db token.authenticate", kind = SpanKind.CLIENT)
  public OAuthToken authenticate(String token) {
    OAuthToken found = token == null ? null : em.find(OAuthToken.class, Hashes.sha256Hex(token));
    if (found == null) {
      throw new GigyaException(
          ErrorCode.INVALID_TOKEN, "invalid_token: the oauth_token is not known");
    }
    if (found.expiresAt() != null && !found.expiresAt().isAfter(Instant.now())) {
      throw new GigyaException(
          ErrorCode.INVALID_TOKEN, "invalid_token: the oauth_token has expired");
    }
    return found;
  }

  /** Ends every token of an account (a server-side logout). */
  public int revokeAll(String accountId) {
    return em.createQuery("DELETE FROM OAuthToken t WHERE t.accountId = :a")
        .setParameter("a", accountId)
        .executeUpdate();
  }

  /**
   * Issues a mobile session (notifyLogin targetEnv=mobile): a token and the secret that signs its
   * calls, kept encrypted with the token's record.
   */
  public Issued issueMobileSession(
      String apiKey,
      String accountId,
      Long sessionSeconds,
      io.junction.web.security.SecretCipher cipher,
      String sessionSecret,
      OAuthToken.Client client) {
    Issued issued = issueToken(apiKey, accountId, OAuthToken.Kind.USER, sessionSeconds, client);
    OAuthToken t = em.find(OAuthToken.class, Hashes.sha256Hex(issued.token()));
    t.sessionSecretEncrypted(cipher.encrypt(sessionSecret, "session-secret:" + t.tokenHash()));
    return issued;
  }

  /** Ends a token (logout). */
  public void revoke(String token) {
    em.createQuery("DELETE FROM OAuthToken t WHERE t.tokenHash = :h")
        .setParameter("h", Hashes.sha256Hex(token))
        .executeUpdate();
  }

  /** Issues a single-use code for the account, bound to the site and the redirect URI, no PKCE. */
  public String issueCode(
      String apiKey, String accountId, String redirectUri, Long sessionSeconds) {
    return issueCode(apiKey, accountId, redirectUri, sessionSeconds, null);
  }

  /**
   * Issues a single-use code for the account, bound to the site, the redirect URI and the site's
   * PKCE challenge (null when the login carried none).
   */
  public String issueCode(
      String apiKey,
      String accountId,
      String redirectUri,
      Long sessionSeconds,
      String clientCodeChallenge) {
    String code = "jc1." + Randoms.urlSafe(32);
    em.persist(
        new AuthorizationCode(
            Hashes.sha256Hex(code),
            apiKey,
            accountId,
            redirectUri,
            sessionSeconds,
            clientCodeChallenge,
            Instant.now().plus(CODE_LIFETIME)));
    return code;
  }

  /**
   * What a login sends back to the site's redirect_uri: a code for the account ({@code
   * response_type=code}), or a token and its expiry ({@code response_type=token}); either bound to
   * the browser that completed the login (the digest of its browser cookie), as is the token a code
   * becomes; a code carries the site's PKCE code_challenge when the login had one.
   */
  public Map<String, String> loginAnswer(
      String apiKey,
      String accountId,
      String redirectUri,
      String responseType,
      Long sessionSeconds,
      String browserHash,
      String clientCodeChallenge) {
    Map<String, String> params = new LinkedHashMap<>();
    if (responseType.equals("token")) {
      Issued issued =
          issueToken(
              apiKey,
              accountId,
              OAuthToken.Kind.USER,
              sessionSeconds,
              OAuthToken.Client.BROWSER_FLOW,
              browserHash);
      params.put("access_token", issued.token());
      if (issued.expiresIn() != null) {
        params.put("expires_in", Long.toString(issued.expiresIn()));
      }
    } else {
      String code = issueCode(apiKey, accountId, redirectUri, sessionSeconds, clientCodeChallenge);
      em.find(AuthorizationCode.class, Hashes.sha256Hex(code)).browserHash(browserHash);
      params.put("code", code);
    }
    return params;
  }

  /** Redeems a code once, without a code_verifier: see the four-argument form. */
  @Transactional(dontRollbackOn = GigyaException.class)
  @WithSpan(value = "db token.redeemCode", kind = SpanKind.CLIENT)
  public AuthorizationCode redeemCode(String apiKey, String code, String redirectUri) {
    return redeemCode(apiKey, code, redirectUri, null);
  }

  /**
   * Redeems a code once: 400006 when it is unknown or already used, 400015 when it expired, 400014
   * when it was issued to another site or redirect URI, and the PKCE refusals of {@link
   * ClientPkce#verify} when {@code codeVerifier} does not answer the code's challenge (or is given
   * for a code without one). A refused code is burnt all the same.
   */
  @Transactional(dontRollbackOn = GigyaException.class)
  @WithSpan(value = "db token.redeemCode", kind = SpanKind.CLIENT)
  public AuthorizationCode redeemCode(
      String apiKey, String code, String redirectUri, String codeVerifier) {
    String hash = Hashes.sha256Hex(code);
    AuthorizationCode found = em.find(AuthorizationCode.class, hash);
    if (found != null) {
      // The account's lock before the code's row, as every writer of an account's rows.
      accounts.lockFirst(found.accountId());
    }
    int deleted =
        found == null
            ? 0
            : em.createQuery("DELETE FROM AuthorizationCode c WHERE c.codeHash = :h")
                .setParameter("h", hash)
                .executeUpdate();
    if (deleted != 1) {
      throw GigyaException.invalid("code", "unknown or already used");
    }
    if (!found.expiresAt().isAfter(Instant.now())) {
      throw new GigyaException(ErrorCode.CODE_EXPIRED, "The code has expired");
    }
    if (!found.apiKey().equals(apiKey)) {
      throw new GigyaException(ErrorCode.INVALID_GRANT, "The code was issued to another client_id");
    }
    if (!found.redirectUri().equals(redirectUri)) {
      throw new GigyaException(
          ErrorCode.INVALID_GRANT,
          "redirect_uri differs from the one of the authorization request");
    }
    ClientPkce.verify(found.clientCodeChallenge(), codeVerifier);
    return found;
  }

  private static final OncePerInterval PURGE = new OncePerInterval(Duration.ofMinutes(1));

  /**
   * Whether this node is due to purge expired rows (a minute since it last did); true once per
   * minute. Static, so asking costs no transaction.
   */
  public static boolean purgeDue() {
    return PURGE.due();
  }

  /** Drops expired tokens, codes and pending authorizations, in a transaction of its own. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int purgeExpired() {
    Instant now = Instant.now();
    int n =
        em.createQuery("DELETE FROM OAuthToken t WHERE t.expiresAt < :now")
            .setParameter("now", now)
            .executeUpdate();
    n +=
        em.createQuery("DELETE FROM AuthorizationCode c WHERE c.expiresAt < :now")
            .setParameter("now", now)
            .executeUpdate();
    n +=
        em.createQuery("DELETE FROM PendingAuthorization p WHERE p.expiresAt < :now")
            .setParameter("now", now)
            .executeUpdate();
    return n;
  }
}
