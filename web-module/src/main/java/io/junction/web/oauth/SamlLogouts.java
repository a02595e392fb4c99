package io.junction.web.oauth;

import io.junction.provider.ProviderCatalog;
import io.junction.web.account.AccountService;
import io.junction.web.account.SocialIdentity;
import io.junction.web.saml.SamlCertificates;
import io.junction.web.saml.SamlIdpSettings;
import io.junction.web.saml.SamlLogout;
import io.junction.web.saml.SamlReplays;
import io.junction.web.saml.SamlRequests;
import io.junction.web.saml.SamlService;
import io.junction.web.saml.SamlSession;
import io.junction.web.saml.SamlSessions;
import io.junction.web.saml.SamlSpKeys;
import io.junction.web.site.ProviderConfig;
import io.junction.web.site.SiteService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Single logout of a site's SAML identity providers, both ways: a LogoutRequest the IdP sends to
 * the service provider's {@code /sp/slo} ends the Junction sessions of that subject and is answered
 * with a signed LogoutResponse; socialize.logout of a user who came through an IdP with a single
 * logout service gives the URL of a signed LogoutRequest to send the browser to.
 */
@ApplicationScoped
public class SamlLogouts {

  private static final String PAGE_CSP =
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none';"
          + " form-action 'none'";

  @Inject SiteService sites;
  @Inject SamlService saml;
  @Inject SamlSpKeys spKeys;
  @Inject SamlReplays replays;
  @Inject SamlSessions sessions;
  @Inject AccountService accounts;

  /**
   * {@code /saml/v2.0/{apiKey}/sp/slo}: an identity provider's LogoutRequest (its subject's
   * sessions ended, answered by a signed LogoutResponse sent back by the HTTP-Redirect binding, or
   * a page when the IdP has no single logout service), or its LogoutResponse to ours (a page).
   */
  public BrowserAnswer receive(String apiKey, SamlLogout.Incoming in) {
    saml.site(apiKey);
    SamlService.SpUrls sp = saml.spUrls(apiKey);
    List<SamlLogout.Idp> idps = idps(apiKey);
    Instant now = Instant.now();
    if (!in.request()) {
      SamlLogout.Response r =
          SamlLogout.validateResponse(in, sp.slo(), idps, now, saml.clockSkew());
      replays.accept(apiKey, r.issuer(), r.id(), r.keepUntil());
      return page(
          r.success()
              ? "You are signed out."
              : "The identity provider could not sign you out everywhere.");
    }
    SamlLogout.Request r = SamlLogout.validateRequest(in, sp.slo(), idps, now, saml.clockSkew());
    replays.accept(apiKey, r.issuer(), r.id(), r.keepUntil());
    sessions.end(apiKey, r.provider(), r.nameId(), r.sessionIndexes());
    SamlIdpSettings idp = saml.idp(apiKey, r.provider()).settings();
    if (idp.sloUrl() == null) {
      return page("You are signed out.");
    }
    String response =
        SamlLogout.logoutResponse(
            SamlRequests.newRequestId(),
            now,
            idp.sloUrl(),
            sp.entityId(),
            r.id(),
            "urn:oasis:names:tc:SAML:2.0:status:Success");
    return BrowserRedirect.to(
        SamlLogout.redirect(
            idp.sloUrl(),
            "SAMLResponse",
            response,
            r.relayState(),
            spKeys.of(apiKey).privateKey()));
  }

  /**
   * The identity providers' single logout URLs for a user: a signed LogoutRequest (HTTP-Redirect
   * binding) for each SAML identity of the account whose IdP has a single logout service and whose
   * session is remembered. Empty for everybody else.
   */
  public List<String> logoutUrls(String apiKey, String accountId) {
    List<String> urls = new ArrayList<>();
    for (SocialIdentity i : accounts.identities(accountId)) {
      if (!ProviderCatalog.isSaml(i.provider())) {
        continue;
      }
      Optional<SamlIdpSettings> idp = saml.findIdp(apiKey, i.provider()).map(x -> x.settings());
      if (idp.isEmpty() || idp.get().sloUrl() == null) {
        continue;
      }
      Optional<SamlSession> session = sessions.latest(apiKey, i.provider(), i.providerUid());
      if (session.isEmpty()) {
        continue;
      }
      SamlService.SpUrls sp = saml.spUrls(apiKey);
      String request =
          SamlLogout.logoutRequest(
              SamlRequests.newRequestId(),
              Instant.now(),
              idp.get().sloUrl(),
              sp.entityId(),
              session.get().nameId(),
              session.get().nameIdFormat(),
              session.get().sessionIndex());
      urls.add(
          SamlLogout.redirect(
              idp.get().sloUrl(), "SAMLRequest", request, null, spKeys.of(apiKey).privateKey()));
    }
    return urls;
  }

  private List<SamlLogout.Idp> idps(String apiKey) {
    List<SamlLogout.Idp> out = new ArrayList<>();
    for (ProviderConfig p : sites.providers(apiKey)) {
      if (ProviderCatalog.isSaml(p.provider())) {
        saml.findIdp(apiKey, p.provider())
            .ifPresent(
                i ->
                    out.add(
                        new SamlLogout.Idp(
                            p.provider(),
                            i.settings().entityId(),
                            i.settings().certificates().stream()
                                .map(SamlCertificates::decode)
                                .toList())));
      }
    }
    return out;
  }

  private static BrowserPage page(String text) {
    String html =
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Signed out</title></head>"
            + "<body><p>"
            + text
            + "</p></body></html>";
    return new BrowserPage(html, PAGE_CSP, List.of());
  }
}
