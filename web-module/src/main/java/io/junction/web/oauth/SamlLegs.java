package io.junction.web.oauth;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderTokens;
import io.junction.api.SocialProfile;
import io.junction.provider.ProviderCatalog;
import io.junction.web.envelope.ApiCall;
import io.junction.web.envelope.GigyaException;
import io.junction.web.saml.SamlAssertion;
import io.junction.web.saml.SamlCertificates;
import io.junction.web.saml.SamlIdpSettings;
import io.junction.web.saml.SamlProfiles;
import io.junction.web.saml.SamlReplays;
import io.junction.web.saml.SamlRequests;
import io.junction.web.saml.SamlResponseValidator;
import io.junction.web.saml.SamlService;
import io.junction.web.saml.SamlSessions;
import io.junction.web.saml.SamlSpKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SAML legs of socialize.login and socialize.addConnection with {@code saml-<name>}: the
 * AuthnRequest that sends the browser to the identity provider (its ID kept with the pending
 * authorization, the state as RelayState), and the assertion consumer service, which continues
 * exactly as an OAuth callback does ({@link CallbackLeg}) once the response passed every check of
 * {@link SamlResponseValidator} and its assertion was never seen before.
 */
@ApplicationScoped
public class SamlLegs {

  /** Marks the assertion consumer service's own re-post, which carries the browser cookie. */
  static final String RESUBMITTED = "x_samesite";

  private static final String SUBMIT_SCRIPT = "document.forms[0].submit();";

  @Inject CallbackLeg callback;
  @Inject CallbackTransactions transactions;
  @Inject SamlService saml;
  @Inject SamlSpKeys spKeys;
  @Inject SamlReplays replays;
  @Inject SamlSessions sessions;

  /** The identity provider's URL with a signed AuthnRequest (HTTP-Redirect binding). */
  SamlRequests.AuthnRedirect authnRedirect(String apiKey, String provider, String relayState) {
    SamlIdpSettings idp = idp(apiKey, provider);
    if (!idp.ssoBinding().equals(SamlIdpSettings.REDIRECT)) {
      throw new GigyaException(
          ErrorCode.NOT_SUPPORTED,
          "AuthnRequests by the HTTP-POST binding are not supported yet: set"
              + " singleSignOnServiceBinding to HTTP-Redirect");
    }
    SamlService.SpUrls sp = saml.spUrls(apiKey);
    return SamlRequests.redirect(
        idp, sp.entityId(), sp.acs(), spKeys.of(apiKey).privateKey(), relayState, Instant.now());
  }

  /** The assertion consumer service URL, the callback of a SAML flow. */
  String acsUrl(String apiKey) {
    return saml.spUrls(apiKey).acs();
  }

  private SamlIdpSettings idp(String apiKey, String provider) {
    return saml.findIdp(apiKey, provider)
        .orElseThrow(
            () ->
                new GigyaException(
                    ErrorCode.NO_PROVIDER_APPLICATION,
                    "The site has no " + provider + " identity provider"))
        .settings();
  }

  /**
   * {@code POST /saml/v2.0/{apiKey}/sp/acs}: the identity provider's response. The identity
   * provider's page posts it cross-site, so the browser leaves out its SameSite=Lax cookie: the
   * first post is answered with a page that posts the same fields again from this site, which the
   * cookie then accompanies.
   */
  public BrowserAnswer acs(
      ApiCall call, String apiKey, String flowCookie, Map<String, String> cookies) {
    String response = call.paramOrNull("SAMLResponse");
    String relayState = call.paramOrNull("RelayState");
    if (response == null) {
      throw new GigyaException(ErrorCode.SAML_MESSAGE_NOT_FOUND, "No SAMLResponse was posted");
    }
    if (relayState == null) {
      throw new GigyaException(
          ErrorCode.FORBIDDEN, "Unsolicited SAML responses (without RelayState) are not accepted");
    }
    if (flowCookie == null && call.paramOrNull(RESUBMITTED) == null) {
      return resubmit(acsUrl(apiKey), response, relayState);
    }
    return callback.complete(
        call, "RelayState", relayState, flowCookie, cookies, p -> answer(p, apiKey, response));
  }

  private CallbackLeg.ProviderAnswer answer(
      PendingAuthorization p, String apiKey, String response) {
    if (!p.apiKey().equals(apiKey) || !ProviderCatalog.isSaml(p.provider()) || p.nonce() == null) {
      throw new GigyaException(
          ErrorCode.FORBIDDEN, "The response reached another site's assertion consumer service");
    }
    transactions.app(p); // the site and its provider still there, enabled, in this data center
    SamlIdpSettings idp = idp(apiKey, p.provider());
    SamlService.SpUrls sp = saml.spUrls(apiKey);
    SamlAssertion assertion =
        SamlResponseValidator.validate(
            response,
            new SamlResponseValidator.Expected(
                sp.acs(),
                sp.entityId(),
                idp.entityId(),
                idp.certificates().stream().map(SamlCertificates::decode).toList(),
                p.nonce(),
                false,
                Instant.now()),
            spKeys.of(apiKey).privateKey());
    SocialProfile profile = SamlProfiles.profile(assertion, idp.attributeMap());
    replays.accept(apiKey, idp.entityId(), assertion);
    sessions.record(apiKey, p.provider(), assertion, profile.providerUid());
    Map<String, String> extras = new HashMap<>();
    if (assertion.nameId() != null) {
      extras.put("nameId", assertion.nameId());
    }
    if (assertion.nameIdFormat() != null) {
      extras.put("nameIdFormat", assertion.nameIdFormat());
    }
    // The SAML session's handle (for single logout) stands where an OAuth access token would.
    String session = assertion.sessionIndex() != null ? assertion.sessionIndex() : assertion.id();
    return new CallbackLeg.ProviderAnswer(profile, new ProviderTokens(session, null, null, extras));
  }

  /** A page that posts the response again, from this site, and so with the browser's cookie. */
  static BrowserPage resubmit(String acs, String response, String relayState) {
    String html =
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Signing in</title></head><body>"
            + "<form method=\"post\" action=\""
            + escape(acs)
            + "\"><input type=\"hidden\" name=\"SAMLResponse\" value=\""
            + escape(response)
            + "\"><input type=\"hidden\" name=\"RelayState\" value=\""
            + escape(relayState)
            + "\"><input type=\"hidden\" name=\""
            + RESUBMITTED
            + "\" value=\"1\"><noscript><button type=\"submit\">Continue</button></noscript>"
            + "</form><script>"
            + SUBMIT_SCRIPT
            + "</script></body></html>";
    String csp =
        "default-src 'none'; script-src '"
            + scriptHash()
            + "'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    return new BrowserPage(html, csp, List.of());
  }

  private static String scriptHash() {
    try {
      return "sha256-"
          + Base64.getEncoder()
              .encodeToString(
                  MessageDigest.getInstance("SHA-256")
                      .digest(SUBMIT_SCRIPT.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("\"", "&quot;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("'", "&#39;");
  }
}
