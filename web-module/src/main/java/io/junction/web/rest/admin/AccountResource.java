package io.junction.web.rest.admin;

import io.junction.web.account.Account;
import io.junction.web.account.AccountDirectory;
import io.junction.web.account.SocialIdentity;
import io.junction.web.audit.AdminChanges;
import io.junction.web.caller.Authentication;
import io.junction.web.db.Contention;
import io.junction.web.db.PageCursor;
import io.junction.web.envelope.GigyaException;
import io.junction.web.oauth.OAuthToken;
import io.junction.web.site.SiteService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A site's accounts for its administrator: search, one account with its identities, unlinking an
 * identity, deleting an account, and the export of an account's data (GDPR access). No answer holds
 * a token or secret: an identity shows only when its provider session expires.
 */
@Path("admin/sites/{apiKey}/accounts")
@AdminOnly
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "The site's users and their linked social identities")
public class AccountResource {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;
  static final int MAX_QUERY = 200;

  @Inject SiteService sites;
  @Inject AccountDirectory directory;
  @Inject AdminChanges changes;
  @Inject Authentication authentication;

  @PathParam("apiKey")
  String apiKey;

  /** An account in a search's answer. */
  public record AccountSummary(
      @JsonbProperty("UID") String uid,
      boolean guest,
      String created,
      String lastLogin,
      String loginProvider,
      String nickname,
      String email,
      List<String> providers) {}

  public record AccountList(List<AccountSummary> accounts, String next) {}

  /** A linked identity as the administrator sees it: never a token. */
  public record IdentityView(
      String provider,
      @JsonbProperty("providerUID") String providerUid,
      String nickname,
      String email,
      String linkedAt,
      String lastUsed,
      String tokenExpires,
      boolean connected) {}

  public record AccountView(
      @JsonbProperty("UID") String uid,
      boolean guest,
      String created,
      String lastLogin,
      String loginProvider,
      List<IdentityView> identities) {}

  /** Everything Junction keeps of a person's identity, for their data access request. */
  public record IdentityExport(
      String provider,
      @JsonbProperty("providerUID") String providerUid,
      String nickname,
      String firstName,
      String lastName,
      String email,
      @JsonbProperty("photoURL") String photoUrl,
      @JsonbProperty("thumbnailURL") String thumbnailUrl,
      @JsonbProperty("profileURL") String profileUrl,
      String gender,
      String birthday,
      String locale,
      String linkedAt,
      String lastUsed,
      String tokenExpires,
      boolean providerSessionHeld) {}

  /** A Junction session of the account (an oauth_token), by its facts only. */
  public record SessionExport(String kind, String created, String expires, String client) {}

  public record AccountExport(
      String exportedAt,
      String apiKey,
      @JsonbProperty("UID") String uid,
      boolean guest,
      String created,
      String lastLogin,
      String loginProvider,
      List<IdentityExport> identities,
      List<SessionExport> sessions) {}

  @GET
  @Operation(
      summary =
          "Search the site's accounts by UID, provider UID, e-mail or nickname, newest first;"
              + " next is the cursor of the following page")
  public AccountList search(
      @QueryParam("q") String q,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    int size = PageCursor.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
    PageCursor after = PageCursor.decode(cursor, "cursor");
    if (q != null && (q.length() > MAX_QUERY || q.chars().anyMatch(Character::isISOControl))) {
      throw GigyaException.invalid("q", "at most " + MAX_QUERY + " characters, no control ones");
    }
    sites.get(apiKey);
    AccountDirectory.Page page = directory.search(apiKey, q, size, after);
    return new AccountList(
        page.accounts().stream().map(a -> summary(a, directory.identities(a.id()))).toList(),
        page.next());
  }

  @GET
  @Path("{uid}")
  @Operation(summary = "An account with its linked identities (never a token)")
  public AccountView get(@PathParam("uid") String uid) {
    sites.get(apiKey);
    AccountDirectory.Entry e = directory.get(apiKey, uid);
    Account a = e.account();
    Instant now = Instant.now();
    return new AccountView(
        a.uid(),
        a.isGuest(),
        text(a.createdAt()),
        text(a.lastLoginAt()),
        a.loginProvider(),
        e.identities().stream()
            .map(
                i ->
                    new IdentityView(
                        i.provider(),
                        i.providerUid(),
                        i.nickname(),
                        i.email(),
                        text(i.createdAt()),
                        text(i.updatedAt()),
                        text(i.tokenExpiresAt()),
                        i.connected(now)))
            .toList());
  }

  @GET
  @Path("{uid}/export")
  @Operation(summary = "The account's data as JSON, for a data access request (no token)")
  public Response export(@PathParam("uid") String uid) {
    sites.get(apiKey);
    AccountDirectory.Entry e = directory.get(apiKey, uid);
    Account a = e.account();
    AccountExport export =
        new AccountExport(
            Instant.now().toString(),
            apiKey,
            a.uid(),
            a.isGuest(),
            text(a.createdAt()),
            text(a.lastLoginAt()),
            a.loginProvider(),
            e.identities().stream().map(AccountResource::export).toList(),
            directory.sessions(a.id()).stream().map(AccountResource::export).toList());
    return Response.ok(export)
        .header("Content-Disposition", "attachment; filename=\"account-export.json\"")
        .build();
  }

  @DELETE
  @Path("{uid}/identities/{provider}/{providerUid: .+}")
  @Operation(
      summary =
          "Unlink an identity from the account; its last one only with confirm=last"
              + " (otherwise 400030)")
  public Response unlink(
      @PathParam("uid") String uid,
      @PathParam("provider") String provider,
      @PathParam("providerUid") String providerUid,
      @QueryParam("confirm") String confirm) {
    if (confirm != null && !confirm.equals("last")) {
      throw GigyaException.invalid("confirm", "the only value is last");
    }
    changes.unlinkIdentity(
        authentication.administrator(), apiKey, uid, provider, providerUid, confirm != null);
    return Response.noContent().build();
  }

  @DELETE
  @Path("{uid}")
  @Operation(summary = "Delete the account, its identities and its sessions")
  public Response delete(@PathParam("uid") String uid) {
    // Run again when it lost a race (a write that came without the account's lock first).
    Contention.retry(() -> changes.deleteAccount(authentication.administrator(), apiKey, uid));
    return Response.noContent().build();
  }

  private static AccountSummary summary(Account a, List<SocialIdentity> identities) {
    return new AccountSummary(
        a.uid(),
        a.isGuest(),
        text(a.createdAt()),
        text(a.lastLoginAt()),
        a.loginProvider(),
        identities.stream()
            .map(SocialIdentity::nickname)
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(null),
        identities.stream()
            .map(SocialIdentity::email)
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(null),
        identities.stream().map(SocialIdentity::provider).distinct().toList());
  }

  private static IdentityExport export(SocialIdentity i) {
    return new IdentityExport(
        i.provider(),
        i.providerUid(),
        i.nickname(),
        i.firstName(),
        i.lastName(),
        i.email(),
        i.photoUrl(),
        i.thumbnailUrl(),
        i.profileUrl(),
        i.gender(),
        i.birthday(),
        i.locale(),
        text(i.createdAt()),
        text(i.updatedAt()),
        text(i.tokenExpiresAt()),
        i.accessTokenEncrypted() != null);
  }

  private static SessionExport export(OAuthToken t) {
    OAuthToken.Client c = t.client();
    String client =
        c.applicationKey() != null
            ? "application key " + c.applicationKey()
            : c.siteSecret() ? "site secret" : "browser flow";
    return new SessionExport(
        t.kind().name().toLowerCase(Locale.ROOT), text(t.createdAt()), text(t.expiresAt()), client);
  }

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }
}
