package io.junction.web.oauth;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderTokens;
import io.junction.api.SocialProfile;
import io.junction.provider.ProviderCatalog;
import io.junction.web.envelope.ApiCall;
import io.junction.web.envelope.GigyaException;
import io.junction.web.saml.SamlAssertion;
import io.junction.web.saml.SamlCertificates;
import io.junction.web.saml.SamlIdp;
import io.junction.web.saml.SamlIdpSettings;
import io.junction.web.saml.SamlProfiles;
import io.junction.web.saml.SamlReplays;
import io.junction.web.saml.SamlRequests;
import io.junction.web.saml.SamlResponseValidator;
import io.junction.web.saml.SamlService;
import io.junction.web.saml.SamlSessions;
import io.junction.web.saml.SamlSpKeys;
import io.junction.web.saml.SamlXml;
import io.junction.web.security.Hashes;
import io.junction.web.security.Randoms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

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
  @Inject PendingAuthorizations pending;
  @Inject FirstLegTransactions targets;

  /** How long the browser may take: {@code junction.flow.lifetime-seconds}, as for any flow. */
  @Inject
  @ConfigProperty(name = "junction.flow.lifetime-seconds", defaultValue = "600")
  long lifetimeSeconds;

  /**
   * Where the first leg sends the browser: the identity provider's URL with a signed AuthnRequest
   * (HTTP-Redirect binding), or, for the HTTP-POST binding, this site's own page that posts the
   * signed request on ({@link #authnPost}), the request's ID chosen here.
   */
  SamlRequests.AuthnRedirect authnRedirect(String apiKey, String provider, String relayState) {
    SamlIdpSettings idp = idp(apiKey, provider);
    SamlService.SpUrls sp = saml.spUrls(apiKey);
    if (idp.ssoBinding().equals(SamlIdpSettings.POST)) {
      return new SamlRequests.AuthnRedirect(
          ssoUrl(sp) + "?RelayState=" + URLEncoder.encode(relayState, StandardCharsets.UTF_8),
          SamlRequests.newRequestId());
    }
    return SamlRequests.redirect(
        idp, sp.entityId(), sp.acs(), spKeys.of(apiKey).privateKey(), relayState, Instant.now());
  }

  /** The page of a site's service provider that posts AuthnRequests (HTTP-POST binding). */
  static String ssoUrl(SamlService.SpUrls sp) {
    return sp.acs().substring(0, sp.acs().length() - "acs".length()) + "sso";
  }

  /**
   * {@code GET /saml/v2.0/{apiKey}/sp/sso?RelayState=}: for a pending SAML flow of this site and
   * this browser, a page that posts the signed AuthnRequest (its ID the one the flow keeps) and the
   * RelayState to the identity provider. 400006 for an unknown, used or expired RelayState, 403035
   * for another browser's.
   */
  public BrowserPage authnPost(String apiKey, String relayState, String flowCookie) {
    if (relayState == null) {
      throw GigyaException.missing("RelayState");
    }
    PendingAuthorization p =
        pending
            .find(relayState)
            .filter(
                x ->
                    x.apiKey().equals(apiKey)
                        && ProviderCatalog.isSaml(x.provider())
                        && x.nonce() != null
                        && x.expiresAt().isAfter(Instant.now()))
            .orElseThrow(() -> GigyaException.invalid("RelayState", "unknown, used or expired"));
    if (!Hashes.sameDigest(flowCookie, p.browserHash())) {
      throw new GigyaException(
          ErrorCode.NO_USER_COOKIE, "The login was started by another browser");
    }
    SamlIdpSettings idp = idp(apiKey, p.provider());
    SamlService.SpUrls sp = saml.spUrls(apiKey);
    SamlService.SpKey key = spKeys.of(apiKey);
    String request =
        SamlRequests.signedForPost(
            p.nonce(),
            idp,
            sp.entityId(),
            sp.acs(),
            key.privateKey(),
            key.certificate(),
            Instant.now());
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("SAMLRequest", request);
    fields.put("RelayState", relayState);
    return autoPost(idp.ssoUrl(), fields, origin(idp.ssoUrl()));
  }

  private static String origin(String url) {
    URI u = URI.create(url);
    return u.getScheme() + "://" + u.getRawAuthority();
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
   * cookie then accompanies. A response without RelayState is unsolicited (IdP-initiated): see
   * {@link #unsolicited}.
   */
  public BrowserAnswer acs(
      ApiCall call, String apiKey, String flowCookie, Map<String, String> cookies) {
    String response = call.paramOrNull("SAMLResponse");
    String relayState = call.paramOrNull("RelayState");
    if (response == null) {
      throw new GigyaException(ErrorCode.SAML_MESSAGE_NOT_FOUND, "No SAMLResponse was posted");
    }
    if (relayState == null || relayState.isEmpty()) {
      return unsolicited(call, apiKey, response, flowCookie, cookies);
    }
    if (flowCookie == null && call.paramOrNull(RESUBMITTED) == null) {
      return resubmit(acsUrl(apiKey), response, relayState);
    }
    return callback.complete(
        call,
        "RelayState",
        relayState,
        flowCookie,
        cookies,
        p -> answer(p, apiKey, response, false));
  }

  /**
   * A response nobody here asked for: refused (403000, answered directly) unless exactly one
   * provider of the site, for the identity provider the response names as its Issuer, accepts
   * unsolicited responses and has a page to land on (checked by the site's redirect policy). Then
   * it becomes a login of its own, bound to this browser, and passes every check a solicited
   * response passes except InResponseTo, which it must not carry; its assertion is accepted once.
   */
  private BrowserAnswer unsolicited(
      ApiCall call,
      String apiKey,
      String response,
      String flowCookie,
      Map<String, String> cookies) {
    saml.site(apiKey);
    String issuer = issuerOf(response);
    List<SamlIdp> accepting =
        issuer == null ? List.of() : saml.acceptingUnsolicited(apiKey, issuer);
    if (accepting.size() != 1) {
      throw new GigyaException(
          ErrorCode.FORBIDDEN,
          accepting.isEmpty()
              ? "Unsolicited SAML responses (without RelayState) are not accepted from this"
                  + " identity provider"
              : "Several providers of the site accept unsolicited responses from this identity"
                  + " provider");
    }
    SamlIdp idp = accepting.get(0);
    String landing = idp.settings().unsolicitedRedirectUri();
    if (landing == null) {
      throw new GigyaException(
          ErrorCode.FORBIDDEN, "The provider has no page for unsolicited responses to land on");
    }
    String redirectUri = targets.target(apiKey, landing).redirectUri();
    if (flowCookie == null && call.paramOrNull(RESUBMITTED) == null) {
      return resubmit(acsUrl(apiKey), response, null);
    }
    String browser = BrowserCookies.browserIdOrNew(flowCookie);
    String state = Randoms.urlSafe(32);
    pending.save(
        PendingAuthorization.builder()
            .stateHash(Hashes.sha256Hex(state))
            .apiKey(apiKey)
            .provider(idp.id().provider())
            .flow(PendingAuthorization.Flow.LOGIN)
            .browserHash(Hashes.sha256Hex(browser))
            .redirectUri(redirectUri)
            .responseType("code")
            .lang(call.lang())
            .callbackUrl(acsUrl(apiKey))
            .expiresAt(Instant.now().plusSeconds(lifetimeSeconds))
            .build());
    return callback.complete(
        call, "RelayState", state, browser, cookies, p -> answer(p, apiKey, response, true));
  }

  /** The Issuer a response names (not yet believed: only to find the provider), or null. */
  static String issuerOf(String response) {
    Document doc;
    try {
      doc = SamlXml.parse(Base64.getMimeDecoder().decode(response.trim()));
    } catch (IllegalArgumentException e) {
      throw GigyaException.invalid("SAMLResponse", "not Base64");
    } catch (SamlXml.Invalid e) {
      throw GigyaException.invalid("SAMLResponse", e.getMessage());
    }
    Element root = doc.getDocumentElement();
    Element issuer = SamlXml.child(root, SamlXml.ASSERTION, "Issuer");
    if (issuer == null) {
      Element assertion = SamlXml.child(root, SamlXml.ASSERTION, "Assertion");
      issuer = assertion == null ? null : SamlXml.child(assertion, SamlXml.ASSERTION, "Issuer");
    }
    return issuer == null ? null : SamlXml.text(issuer);
  }

  private CallbackLeg.ProviderAnswer answer(
      PendingAuthorization p, String apiKey, String response, boolean unsolicited) {
    if (!p.apiKey().equals(apiKey)
        || !ProviderCatalog.isSaml(p.provider())
        || (p.nonce() == null && !unsolicited)) {
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
                unsolicited ? null : p.nonce(),
                unsolicited && idp.allowUnsolicited(),
                Instant.now(),
                saml.clockSkew(),
                id -> replays.acceptedBefore(apiKey, idp.entityId(), id)),
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
    extras.putAll(SamlProfiles.Extra.of(assertion, idp.attributeMap()).toExtras());
    // The SAML session's handle (for single logout) stands where an OAuth access token would.
    String session = assertion.sessionIndex() != null ? assertion.sessionIndex() : assertion.id();
    return new CallbackLeg.ProviderAnswer(profile, new ProviderTokens(session, null, null, extras));
  }

  /** A page that posts the response again, from this site, and so with the browser's cookie. */
  static BrowserPage resubmit(String acs, String response, String relayState) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("SAMLResponse", response);
    if (relayState != null) {
      fields.put("RelayState", relayState);
    }
    fields.put(RESUBMITTED, "1");
    return autoPost(acs, fields, "'self'");
  }

  /**
   * A page that posts hidden fields to {@code action} by itself (a script allowed by its digest; a
   * button without script); {@code formAction} is the only place its form may go.
   */
  static BrowserPage autoPost(String action, Map<String, String> fields, String formAction) {
    StringBuilder html =
        new StringBuilder(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Signing in</title></head>"
                + "<body><form method=\"post\" action=\"");
    html.append(escape(action)).append("\">");
    fields.forEach(
        (name, value) ->
            html.append("<input type=\"hidden\" name=\"")
                .append(escape(name))
                .append("\" value=\"")
                .append(escape(value))
                .append("\">"));
    html.append("<noscript><button type=\"submit\">Continue</button></noscript></form><script>")
        .append(SUBMIT_SCRIPT)
        .append("</script></body></html>");
    String csp =
        "default-src 'none'; script-src '"
            + scriptHash()
            + "'; form-action "
            + formAction
            + "; frame-ancestors 'none'; base-uri 'none'";
    return new BrowserPage(html.toString(), csp, List.of());
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
