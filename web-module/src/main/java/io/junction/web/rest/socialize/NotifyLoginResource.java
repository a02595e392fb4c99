package io.junction.web.rest.socialize;

import io.junction.web.account.Account;
import io.junction.web.account.AccountService;
import io.junction.web.account.ProviderSessionImport;
import io.junction.web.caller.Caller;
import io.junction.web.config.JunctionConfig;
import io.junction.web.db.Contention;
import io.junction.web.envelope.Envelope;
import io.junction.web.envelope.GigyaException;
import io.junction.web.envelope.JsonInput;
import io.junction.web.envelope.Parameters;
import io.junction.web.oauth.OAuthToken;
import io.junction.web.oauth.TokenService;
import io.junction.web.security.Randoms;
import io.junction.web.security.Secrets;
import io.junction.web.security.UidSignatures;
import io.junction.web.site.Site;
import io.junction.web.site.SiteService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * socialize.notifyLogin: the site logged a user in itself (siteUID), or hands over provider
 * sessions it holds (providerSessions); answers the UID, its signature and a session: a browser
 * cookie (glt_ + apiKey) or, for targetEnv=mobile, a sessionToken and sessionSecret.
 */
@Path("socialize.notifyLogin")
@RequestScoped
@Tag(name = "Socialize")
public class NotifyLoginResource extends ServerMethodResource {

  @Inject AccountService accounts;
  @Inject ProviderSessionImport providerSessions;
  @Inject TokenService tokens;
  @Inject SiteService sites;
  @Inject Secrets secrets;
  @Inject JunctionConfig config;

  @Override
  protected Response answer(Caller caller) {
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
    JsonInput.objectParameter("userInfo", call.param("userInfo"));
    Long sessionSeconds = Parameters.sessionSeconds(call, "sessionExpiration");
    Account account =
        siteUid != null
            ? Contention.retry(() -> accounts.siteUser(site.apiKey(), siteUid))
            : providerSessions.link(site, sessions);

    Map<String, Object> data = new LinkedHashMap<>();
    data.put("UID", account.uid());
    data.putAll(UidSignatures.fresh(sites.secretOf(site), account.uid()));
    if (targetEnv.equals("mobile")) {
      String sessionSecret = Randoms.base64(24);
      TokenService.Issued issued =
          tokens.issueMobileSession(
              site.apiKey(),
              account.id(),
              sessionSeconds,
              secrets.cipher(),
              sessionSecret,
              caller.client());
      data.put("sessionToken", issued.token());
      data.put("sessionSecret", sessionSecret);
    } else {
      TokenService.Issued issued =
          tokens.issueToken(
              site.apiKey(), account.id(), OAuthToken.Kind.USER, sessionSeconds, caller.client());
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
}
