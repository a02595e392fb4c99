package io.junction.web.account;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderInfo;
import io.junction.api.ProviderTokens;
import io.junction.api.SocialConnector;
import io.junction.api.SocialProfile;
import io.junction.provider.ProviderCatalog;
import io.junction.web.db.Contention;
import io.junction.web.envelope.GigyaException;
import io.junction.web.envelope.JsonInput;
import io.junction.web.envelope.Parameters;
import io.junction.web.site.Site;
import io.junction.web.site.SiteService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * socialize.notifyLogin's {@code providerSessions}: provider sessions the site already holds,
 * {@code {"<provider>": {"authToken": ..., "tokenExpiresIn"?: ..., "providerUID"?: ...}}}. Each
 * session's profile is read from its provider first, with no transaction open; then all are linked
 * in one transaction, the first one's account taking the others, so a refusal links none.
 */
@ApplicationScoped
public class ProviderSessionImport {

  @Inject ProviderCatalog catalog;
  @Inject SiteService sites;
  @Inject AccountService accounts;

  /** Links the identities of the sessions; answers the account they now belong to. */
  public Account link(Site site, String providerSessions) {
    List<AccountService.ProviderIdentity> identities = new ArrayList<>();
    for (Map.Entry<String, JsonValue> e : parse(providerSessions).entrySet()) {
      identities.add(read(site, e.getKey(), e.getValue()));
    }
    return Contention.retry(() -> accounts.linkAll(site.apiKey(), identities));
  }

  private static JsonObject parse(String raw) {
    JsonObject all = JsonInput.objectParameter("providerSessions", raw);
    if (all == null || all.isEmpty()) {
      throw GigyaException.invalid("providerSessions", "names no provider");
    }
    return all;
  }

  private AccountService.ProviderIdentity read(Site site, String name, JsonValue value) {
    ProviderInfo info = Parameters.provider(catalog, name, "providerSessions");
    SocialConnector connector = catalog.require(info.id());
    if (!(value instanceof JsonObject session)
        || !(session.get("authToken") instanceof JsonString token)
        || token.getString().isBlank()) {
      throw GigyaException.invalid("providerSessions", name + " needs an authToken");
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
    ProviderApp app = sites.providerSetup(site, info.id()).app();
    // A token another application obtained from the user must not log the user in here.
    connector.checkIssuedTo(app, tokens);
    SocialProfile profile = connector.fetchProfile(app, tokens);
    String expectedUid =
        session.containsKey("providerUID") ? text(session.get("providerUID")) : null;
    if (expectedUid != null && !expectedUid.equals(profile.providerUid())) {
      throw new GigyaException(
          ErrorCode.UNEXPECTED_PROVIDER_USER,
          "The " + info.id() + " session belongs to another user");
    }
    return new AccountService.ProviderIdentity(info.id(), profile, tokens);
  }

  private static String text(JsonValue v) {
    return v instanceof JsonString s ? s.getString() : String.valueOf(v);
  }
}
