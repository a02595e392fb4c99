package io.junction.web.rest.socialize;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderException;
import io.junction.api.ProviderInfo;
import io.junction.api.ProviderTokens;
import io.junction.api.SocialConnector;
import io.junction.api.SocialProfile;
import io.junction.provider.ProviderCatalog;
import io.junction.web.account.Account;
import io.junction.web.account.AccountService;
import io.junction.web.account.ProviderSessions;
import io.junction.web.account.SocialIdentity;
import io.junction.web.envelope.ApiCall;
import io.junction.web.envelope.Envelope;
import io.junction.web.envelope.GigyaException;
import io.junction.web.envelope.Parameters;
import io.junction.web.oauth.OAuthToken;
import io.junction.web.oauth.TokenService;
import io.junction.web.security.GigyaSignature;
import io.junction.web.security.Randoms;
import io.junction.web.security.Secrets;
import io.junction.web.site.Site;
import io.junction.web.site.SiteService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The server methods of the Socialize API. Each takes an oauth_token, a signed request or a secret
 * over HTTPS ({@link Callers}); each answers JSON or XML in the envelope. GET and POST alike.
 */
public final class UserResources {

  private UserResources() {}

  private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

  /** What every method resource shares. */
  public abstract static class Method {
    @Inject ApiCall call;
    @Inject Callers callers;
    @Context HttpHeaders headers;
    @Context UriInfo uri;

    protected abstract Response answer();

    @GET
    @Transactional
    @Operation(hidden = true)
    public Response get() {
      return answer();
    }

    @POST
    @Transactional
    @Operation(hidden = true)
    public Response post() {
      return answer();
    }
  }

  /** socialize.getUserInfo: the account, its login provider and its identities. */
  @Path("socialize.getUserInfo")
  @RequestScoped
  @Tag(name = "Socialize")
  public static class GetUserInfo extends Method {
    @Inject AccountService accounts;
    @Inject SiteService sites;

    @Override
    protected Response answer() {
      Callers.Caller caller = callers.user(headers, uri);
      Map<String, Object> data =
          userInfo(caller.account(), accounts.identities(caller.account().id()), Instant.now());
      data.putAll(uidSignature(sites.secretOf(caller.site()), caller.account().uid()));
      return Envelope.ok(call, data);
    }
  }

  /** socialize.removeConnection: disconnects the user from one provider, or from all. */
  @Path("socialize.removeConnection")
  @RequestScoped
  @Tag(name = "Socialize")
  public static class RemoveConnection extends Method {
    @Inject AccountService accounts;
    @Inject ProviderCatalog catalog;

    @Override
    protected Response answer() {
      Callers.Caller caller = callers.user(headers, uri);
      String name = call.paramOrNull("provider");
      String provider = name == null ? null : provider(catalog, name, "provider").id();
      accounts.removeConnection(
          caller.account().id(), provider, call.paramOrNull("lastIdentityHandling"));
      return Envelope.ok(call, Map.of());
    }
  }

  /**
   * socialize.getSessionInfo: the user's session at a provider (its access token, renewed when it
   * has expired). Over plain HTTP (a signed call) the token is AES-encrypted with the site secret.
   */
  @Path("socialize.getSessionInfo")
  @RequestScoped
  @Tag(name = "Socialize")
  public static class GetSessionInfo extends Method {
    @Inject ProviderSessions sessions;
    @Inject ProviderCatalog catalog;
    @Inject SiteService sites;

    @Override
    protected Response answer() {
      Callers.Caller caller = callers.user(headers, uri);
      String name = call.paramOrNull("provider");
      if (name == null) {
        throw GigyaException.missing("provider");
      }
      String padding = call.paramOrNull("paddingMode");
      padding = padding == null ? "PKCS7" : padding.toUpperCase(Locale.ROOT);
      if (!List.of("PKCS5", "PKCS7", "ZEROS").contains(padding)) {
        throw GigyaException.invalid("paddingMode", "must be PKCS5, PKCS7 or ZEROS");
      }
      boolean encryptAll = Parameters.bool(call, "encryptAll");
      boolean signIds = Parameters.bool(call, "signIDs");
      ProviderSessions.Live live =
          sessions.session(
              caller.site(), caller.account(), provider(catalog, name, "provider").id());
      Map<String, Object> data = new LinkedHashMap<>();
      String providerUid = live.identity().providerUid();
      String secret = sites.secretOf(caller.site());
      if (call.secure()) {
        data.put("authToken", live.accessToken());
        data.put("providerUID", providerUid);
      } else {
        byte[] iv = Randoms.bytes(16);
        data.put("authToken", aes(secret, iv, live.accessToken(), padding));
        data.put("providerUID", encryptAll ? aes(secret, iv, providerUid, padding) : providerUid);
        data.put("IV", Base64.getEncoder().encodeToString(iv));
      }
      Instant expires = live.identity().tokenExpiresAt();
      if (expires != null) {
        data.put("tokenExpiration", expires.getEpochSecond());
        data.put("tokenExpirationUTC", expires.toString());
      }
      if (signIds) {
        long now = Instant.now().getEpochSecond();
        data.put("timestamp", Long.toString(now));
        data.put("providerUIDSig", GigyaSignature.hmac(secret, now + "_" + providerUid));
      }
      return Response.fromResponse(Envelope.ok(call, data))
          .header("Cache-Control", "no-store")
          .build();
    }
  }

  /**
   * socialize.logout: ends the oauth_token's session, or with server credentials every session of
   * UID.
   */
  @Path("socialize.logout")
  @RequestScoped
  @Tag(name = "Socialize")
  public static class Logout extends Method {
    @Inject TokenService tokens;

    @Override
    protected Response answer() {
      Callers.Caller caller = callers.user(headers, uri);
      if (caller.via() == Callers.Via.OAUTH_TOKEN
          && caller.token().kind() == OAuthToken.Kind.USER) {
        tokens.revoke(caller.tokenValue());
      } else {
        tokens.revokeAll(caller.account().id());
      }
      return Envelope.ok(call, Map.of());
    }
  }

  /** socialize.deleteAccount: deletes the account of UID, its identities and sessions. */
  @Path("socialize.deleteAccount")
  @RequestScoped
  @Tag(name = "Socialize")
  public static class DeleteAccount extends Method {
    @Inject AccountService accounts;

    @Override
    protected Response answer() {
      Callers.Caller caller = callers.serverAboutUser(headers, uri);
      accounts.delete(caller.account().id());
      return Envelope.ok(call, Map.of());
    }
  }

  /** socialize.setUID: the account of UID takes the site's own user id (siteUID) as its UID. */
  @Path("socialize.setUID")
  @RequestScoped
  @Tag(name = "Socialize")
  public static class SetUid extends Method {
    @Inject AccountService accounts;

    @Override
    protected Response answer() {
      Callers.Caller caller = callers.serverAboutUser(headers, uri);
      Parameters.required(call, "siteUID");
      accounts.setUid(caller.account().id(), Parameters.siteUid(call, "siteUID"));
      return Envelope.ok(call, Map.of());
    }
  }

  /** socialize.notifyRegistration: as setUID, when the site finished registering the user. */
  @Path("socialize.notifyRegistration")
  @RequestScoped
  @Tag(name = "Socialize")
  public static class NotifyRegistration extends SetUid {}

  /**
   * socialize.notifyLogin: the site logged a user in itself (siteUID), or hands over provider
   * sessions it holds (providerSessions); answers the UID, its signature and a session: a browser
   * cookie (glt_ + apiKey) or, for targetEnv=mobile, a sessionToken and sessionSecret.
   */
  @Path("socialize.notifyLogin")
  @RequestScoped
  @Tag(name = "Socialize")
  public static class NotifyLogin extends Method {
    @Inject AccountService accounts;
    @Inject TokenService tokens;
    @Inject SiteService sites;
    @Inject ProviderCatalog catalog;
    @Inject Secrets secrets;
    @Inject io.junction.web.config.JunctionConfig config;

    @Override
    protected Response answer() {
      Callers.Caller caller = callers.server(headers, uri);
      Site site = caller.site();
      String siteUid = Parameters.siteUid(call, "siteUID");
      String sessions = call.paramOrNull("providerSessions");
      if ((siteUid == null) == (sessions == null)) {
        throw siteUid == null
            ? GigyaException.missing("siteUID or providerSessions")
            : GigyaException.invalid("providerSessions", "give either siteUID or providerSessions");
      }
      String targetEnv = call.paramOrNull("targetEnv");
      targetEnv = targetEnv == null ? "browser" : targetEnv.toLowerCase(Locale.ROOT);
      if (!targetEnv.equals("browser") && !targetEnv.equals("mobile")) {
        throw GigyaException.invalid("targetEnv", "must be browser or mobile");
      }
      Parameters.bool(call, "newUser");
      Long sessionSeconds = Parameters.sessionSeconds(call, "sessionExpiration");
      Account account =
          siteUid != null
              ? accounts.siteUser(site.apiKey(), siteUid)
              : fromProviderSessions(site, sessions);

      Map<String, Object> data = new LinkedHashMap<>();
      data.put("UID", account.uid());
      data.putAll(uidSignature(sites.secretOf(site), account.uid()));
      if (targetEnv.equals("mobile")) {
        String sessionSecret = Randoms.base64(24);
        TokenService.Issued issued =
            tokens.issueMobileSession(
                site.apiKey(), account.id(), sessionSeconds, secrets.cipher(), sessionSecret);
        data.put("sessionToken", issued.token());
        data.put("sessionSecret", sessionSecret);
      } else {
        TokenService.Issued issued =
            tokens.issueToken(site.apiKey(), account.id(), OAuthToken.Kind.USER, sessionSeconds);
        data.put("cookieName", "glt_" + site.apiKey());
        data.put("cookieValue", issued.token());
        data.put(
            "cookieDomain",
            site.cname() != null ? site.cname() : URI.create(config.publicUrl()).getHost());
        data.put("cookiePath", "/");
      }
      return Response.fromResponse(Envelope.ok(call, data))
          .header("Cache-Control", "no-store")
          .build();
    }

    /**
     * Links the identities of the given provider sessions; the first one's account is the user's.
     */
    private Account fromProviderSessions(Site site, String raw) {
      JsonObject all;
      try {
        all = JSON.createReader(new StringReader(raw)).readObject();
      } catch (RuntimeException e) {
        throw GigyaException.invalid("providerSessions", "not a JSON object");
      }
      if (all.isEmpty()) {
        throw GigyaException.invalid("providerSessions", "names no provider");
      }
      Account account = null;
      for (Map.Entry<String, JsonValue> e : all.entrySet()) {
        ProviderInfo info = provider(catalog, e.getKey(), "providerSessions");
        SocialConnector connector =
            catalog
                .connector(info.id())
                .orElseThrow(
                    () ->
                        new GigyaException(
                            ErrorCode.NOT_SUPPORTED,
                            info.id() + " is not supported by this server yet"));
        if (!(e.getValue() instanceof JsonObject session)
            || !(session.get("authToken") instanceof JsonString token)) {
          throw GigyaException.invalid("providerSessions", e.getKey() + " needs an authToken");
        }
        Long expiresIn = null;
        if (session.containsKey("tokenExpiresIn")) {
          try {
            expiresIn = Long.parseLong(text(session.get("tokenExpiresIn")));
          } catch (NumberFormatException bad) {
            throw GigyaException.invalid("providerSessions", "tokenExpiresIn is not a number");
          }
        }
        ProviderTokens tokens = new ProviderTokens(token.getString(), null, expiresIn, Map.of());
        SocialProfile profile;
        try {
          profile = connector.fetchProfile(sites.providerSetup(site, info.id()).app(), tokens);
        } catch (ProviderException failed) {
          throw new GigyaException(failed.code(), failed.getMessage());
        }
        String expectedUid =
            session.containsKey("providerUID") ? text(session.get("providerUID")) : null;
        if (expectedUid != null && !expectedUid.equals(profile.providerUid())) {
          throw new GigyaException(
              ErrorCode.UNEXPECTED_PROVIDER_USER,
              "The " + info.id() + " session belongs to another user");
        }
        account =
            account == null
                ? accounts.login(site.apiKey(), info.id(), profile, tokens, null).account()
                : accounts
                    .connect(site.apiKey(), info.id(), profile, tokens, account.id(), null)
                    .account();
      }
      return account;
    }
  }

  /**
   * socialize.exchangeUIDSignature: checks a UIDSignature made with the site secret and answers one
   * made with the caller's secret (an application key's), so that servers holding only an
   * application key can verify UIDs.
   */
  @Path("socialize.exchangeUIDSignature")
  @RequestScoped
  @Tag(name = "Socialize")
  public static class ExchangeUidSignature extends Method {
    @Inject SiteService sites;

    @Override
    protected Response answer() {
      Callers.Caller caller = callers.server(headers, uri);
      String uid = Parameters.required(call, "UID");
      String signature = Parameters.required(call, "UIDSignature");
      String rawTimestamp = Parameters.required(call, "signatureTimestamp");
      long timestamp;
      try {
        timestamp = Long.parseLong(rawTimestamp);
      } catch (NumberFormatException e) {
        throw GigyaException.invalid("signatureTimestamp", "not a number of seconds");
      }
      String siteSecret = sites.secretOf(caller.site());
      if (!GigyaSignature.same(
          GigyaSignature.uidSignature(siteSecret, timestamp, uid), signature)) {
        throw GigyaException.invalid("UIDSignature", "does not match UID and signatureTimestamp");
      }
      if (Math.abs(Instant.now().getEpochSecond() - timestamp) > 180) {
        throw new GigyaException(
            ErrorCode.REQUEST_HAS_EXPIRED, "signatureTimestamp is more than 180 seconds old");
      }
      String secret =
          caller.application() != null ? sites.secretOf(caller.application()) : siteSecret;
      return Envelope.ok(call, uidSignature(secret, uid));
    }
  }

  // ---- shared -----------------------------------------------------------------------------

  static ProviderInfo provider(ProviderCatalog catalog, String name, String parameter) {
    return catalog
        .resolve(name)
        .orElseThrow(
            () -> GigyaException.invalid(parameter, "'" + name + "' is not a supported provider"));
  }

  static Map<String, Object> uidSignature(String secret, String uid) {
    long now = Instant.now().getEpochSecond();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("UIDSignature", GigyaSignature.uidSignature(secret, now, uid));
    m.put("signatureTimestamp", Long.toString(now));
    return m;
  }

  /** AES-CBC with the Base64-decoded site secret as key, as getSessionInfo does over HTTP. */
  static String aes(String base64Secret, byte[] iv, String text, String padding) {
    try {
      byte[] plain = text.getBytes(StandardCharsets.UTF_8);
      Cipher cipher;
      if (padding.equals("ZEROS")) {
        cipher = Cipher.getInstance("AES/CBC/NoPadding");
        int len = (plain.length + 15) / 16 * 16;
        plain = java.util.Arrays.copyOf(plain, Math.max(len, 16));
      } else {
        cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
      }
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(Base64.getDecoder().decode(base64Secret), "AES"),
          new IvParameterSpec(iv));
      return Base64.getEncoder().encodeToString(cipher.doFinal(plain));
    } catch (Exception e) {
      throw new IllegalStateException("AES is not available", e);
    }
  }

  private static String text(JsonValue v) {
    return v instanceof JsonString s ? s.getString() : String.valueOf(v);
  }

  /** The getUserInfo fields of an account: the login identity's profile at the top level. */
  static Map<String, Object> userInfo(
      Account account, List<SocialIdentity> identities, Instant now) {
    SocialIdentity login = null;
    for (SocialIdentity i : identities) {
      if (i.provider().equals(account.loginProvider()) && login == null) {
        login = i;
      }
    }
    if (login == null && !identities.isEmpty()) {
      login = identities.get(0);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("UID", account.uid());
    out.put("isSiteUID", !account.uid().startsWith("_guid_"));
    out.put("isSiteUser", !account.isGuest());
    out.put("isLoggedIn", !account.isGuest());
    out.put("isConnected", identities.stream().anyMatch(i -> i.connected(now)));
    out.put("loginProvider", account.loginProvider());
    out.put(
        "loginProviderUID",
        login == null || account.loginProvider() == null ? null : login.providerUid());
    if (login != null) {
      profile(out, login);
    }
    Set<String> providers = new LinkedHashSet<>();
    List<Map<String, Object>> list = new ArrayList<>();
    for (SocialIdentity i : identities) {
      providers.add(i.provider());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("provider", i.provider());
      m.put("providerUID", i.providerUid());
      m.put("isLoginIdentity", true);
      m.put("allowsLogin", true);
      m.put("isConnected", i.connected(now));
      m.put("isExpiredSession", !i.connected(now));
      profile(m, i);
      m.put("lastUpdated", i.updatedAt().toString());
      m.put("lastUpdatedTimestamp", i.updatedAt().toEpochMilli());
      list.add(m);
    }
    out.put("providers", String.join(",", providers));
    out.put("capabilities", "Login,Connect");
    out.put("identities", list);
    return out;
  }

  private static void profile(Map<String, Object> m, SocialIdentity i) {
    m.put("nickname", i.nickname());
    m.put("firstName", i.firstName());
    m.put("lastName", i.lastName());
    m.put("email", i.email());
    m.put("photoURL", i.photoUrl());
    m.put("thumbnailURL", i.thumbnailUrl());
    m.put("profileURL", i.profileUrl());
    m.put("gender", i.gender());
    m.put("birthday", i.birthday());
    m.put("locale", i.locale());
  }
}
