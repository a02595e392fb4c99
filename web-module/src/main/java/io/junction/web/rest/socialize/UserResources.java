package io.junction.web.rest.socialize;

import io.junction.web.account.Account;
import io.junction.web.account.AccountService;
import io.junction.web.account.ProviderSessions;
import io.junction.web.account.SocialIdentity;
import io.junction.web.envelope.ApiCall;
import io.junction.web.envelope.Envelope;
import io.junction.web.envelope.GigyaException;
import io.junction.web.oauth.TokenService;
import io.junction.provider.ProviderCatalog;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The user methods of the Socialize API that act on the caller's account. */
public final class UserResources {

  private UserResources() {}

  /** socialize.getUserInfo: the account, its login provider and its identities. */
  @Path("socialize.getUserInfo")
  @RequestScoped
  @Tag(name = "Socialize")
  public static class GetUserInfo {
    @Inject ApiCall call;
    @Inject OAuthCredentials credentials;
    @Inject AccountService accounts;
    @Context HttpHeaders headers;

    @GET
    @Transactional
    @Operation(summary = "The user's account, login provider and social identities")
    public Response get() {
      OAuthCredentials.Caller caller = credentials.user(headers);
      return Envelope.ok(call, userInfo(caller.account(), accounts.identities(caller.account().id()), Instant.now()));
    }

    @POST
    @Operation(summary = "The user's account, login provider and social identities")
    public Response post() {
      return get();
    }
  }

  /** socialize.removeConnection: disconnects the user from one provider, or from all. */
  @Path("socialize.removeConnection")
  @RequestScoped
  @Tag(name = "Socialize")
  public static class RemoveConnection {
    @Inject ApiCall call;
    @Inject OAuthCredentials credentials;
    @Inject AccountService accounts;
    @Inject ProviderCatalog catalog;
    @Context HttpHeaders headers;

    @GET
    @Operation(summary = "Disconnect the user from a provider (all when none is named)")
    public Response get() {
      OAuthCredentials.Caller caller = credentials.user(headers);
      String name = call.paramOrNull("provider");
      String provider = null;
      if (name != null) {
        provider = catalog.resolve(name)
            .orElseThrow(() -> GigyaException.invalid("provider", "'" + name + "' is not a supported provider"))
            .id();
      }
      accounts.removeConnection(caller.account().id(), provider, call.paramOrNull("lastIdentityHandling"));
      return Envelope.ok(call, Map.of());
    }

    @POST
    @Operation(summary = "Disconnect the user from a provider (all when none is named)")
    public Response post() {
      return get();
    }
  }

  /**
   * socialize.getSessionInfo: the user's session at a provider (its access token, renewed when
   * it has expired), over HTTPS.
   */
  @Path("socialize.getSessionInfo")
  @RequestScoped
  @Tag(name = "Socialize")
  public static class GetSessionInfo {
    @Inject ApiCall call;
    @Inject OAuthCredentials credentials;
    @Inject ProviderSessions sessions;
    @Inject ProviderCatalog catalog;
    @Context HttpHeaders headers;

    @GET
    @Operation(summary = "The user's provider session: access token and expiry")
    public Response get() {
      OAuthCredentials.Caller caller = credentials.user(headers);
      String name = call.paramOrNull("provider");
      if (name == null) {
        throw GigyaException.missing("provider");
      }
      String provider = catalog.resolve(name)
          .orElseThrow(() -> GigyaException.invalid("provider", "'" + name + "' is not a supported provider"))
          .id();
      ProviderSessions.Live live = sessions.session(caller.site(), caller.account(), provider);
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("authToken", live.accessToken());
      data.put("providerUID", live.identity().providerUid());
      Instant expires = live.identity().tokenExpiresAt();
      if (expires != null) {
        data.put("tokenExpiration", expires.getEpochSecond());
        data.put("tokenExpirationUTC", expires.toString());
      }
      return Response.fromResponse(Envelope.ok(call, data)).header("Cache-Control", "no-store").build();
    }

    @POST
    @Operation(summary = "The user's provider session: access token and expiry")
    public Response post() {
      return get();
    }
  }

  /** socialize.logout: ends the session the oauth_token stands for. */
  @Path("socialize.logout")
  @RequestScoped
  @Tag(name = "Socialize")
  public static class Logout {
    @Inject ApiCall call;
    @Inject OAuthCredentials credentials;
    @Inject TokenService tokens;
    @Context HttpHeaders headers;

    @GET
    @Operation(summary = "Log the user out: the oauth_token stops working")
    public Response get() {
      OAuthCredentials.Caller caller = credentials.user(headers);
      tokens.revoke(caller.token());
      return Envelope.ok(call, Map.of());
    }

    @POST
    @Operation(summary = "Log the user out: the oauth_token stops working")
    public Response post() {
      return get();
    }
  }

  /** The getUserInfo fields of an account: the login identity's profile at the top level. */
  static Map<String, Object> userInfo(Account account, List<SocialIdentity> identities, Instant now) {
    SocialIdentity login = null;
    for (SocialIdentity i : identities) {
      if (i.provider().equals(account.loginProvider()) && (login == null)) {
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
    boolean connected = identities.stream().anyMatch(i -> i.connected(now));
    out.put("isConnected", connected);
    out.put("loginProvider", account.loginProvider());
    out.put("loginProviderUID", login == null || account.loginProvider() == null ? null : login.providerUid());
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
