package io.junction.it;

import static io.junction.it.Browser.answer;
import static io.junction.it.Browser.enc;
import static io.junction.it.Junction.admin;
import static io.junction.it.Junction.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * saml-&lt;name&gt; against a real identity provider: Keycloak ({@link KeycloakIdp}, started once
 * for the test JVM), its realm's metadata imported into the site's configuration, a SAML client for
 * the site's service provider that checks the signature of Junction's AuthnRequests. login and
 * addConnection go through Keycloak's own login form; responses Keycloak signed are then altered
 * (signature wrapping, NameID or attribute changed, signatures removed, a DOCTYPE with an external
 * entity), replayed under another login's RelayState, posted after they expired (a client whose
 * assertions live one second, the suite's server tolerating {@code
 * junction.saml.clock-skew-seconds} of 2), or were issued for another service provider: each ends
 * at redirect_uri with a Gigya error.
 */
class SamlKeycloakIT {

  static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
  static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
  static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

  static KeycloakIdp kc;
  static Sites.Site site;
  static String apiKey;
  static String acs;
  static String spEntityId;

  @BeforeAll
  static void keycloakAndSite() {
    kc = KeycloakIdp.get();
    site = SamlIT.site();
    apiKey = site.apiKey();
    JsonObject sp = putKeycloak(apiKey, "saml-kc", null, Map.of());
    spEntityId = sp.getString("entityID");
    acs = sp.getString("assertionConsumerServiceUrl");
    kc.addSamlClient(spEntityId, acs, sp.getString("certificate"), null);
    // Keycloak's first logins are slow (its code not yet compiled): one before the tests, so
    // that none takes longer than the suite's short flow lifetime.
    long t0 = System.nanoTime();
    login(new Browser(), "saml-kc");
    System.out.println("First login at Keycloak: " + (System.nanoTime() - t0) / 1_000_000 + " ms");
  }

  /** The site's saml-&lt;name&gt; from Keycloak's metadata; the service provider's view. */
  static JsonObject putKeycloak(
      String apiKey, String name, String binding, Map<String, Object> more) {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("metadata", kc.metadata())
            .add(
                "attributeMap",
                Json.createObjectBuilder()
                    .add("email", "Email")
                    .add("firstName", "FirstName")
                    .add("lastName", "LastName")
                    .add("country", "Country")
                    .add("city", "City")
                    .add("zip", "Zip")
                    .add("gender", "Gender")
                    .add("department", "samlData.department")
                    .add("Role", "samlData.roles"));
    if (binding != null) {
      b.add("singleSignOnServiceBinding", binding);
    }
    more.forEach(
        (k, v) -> {
          if (v instanceof Boolean bool) {
            b.add(k, bool);
          } else {
            b.add(k, v.toString());
          }
        });
    HttpResponse<String> put =
        admin("PUT", "/admin/sites/" + apiKey + "/providers/" + name, b.build().toString());
    assertTrue(put.statusCode() == 201 || put.statusCode() == 200, put.body());
    JsonObject saml = json(put).getJsonObject("saml");
    assertEquals(kc.entityId(), saml.getString("entityID"), "the entity ID from the metadata");
    return saml.getJsonObject("serviceProvider");
  }

  /** What Keycloak's page posts to the ACS. */
  record Posted(String action, String samlResponse, String relayState) {
    String xml() {
      return new String(Base64.getMimeDecoder().decode(samlResponse), StandardCharsets.UTF_8);
    }
  }

  /** Keycloak's login form, filled in and posted; the auto-submitting form it answers with. */
  static Posted signIn(Browser browser, String keycloakUrl) {
    return signIn(browser, browser.get(keycloakUrl));
  }

  /** From a Keycloak page (its login form, or its answer for a browser already signed in). */
  static Posted signIn(Browser browser, HttpResponse<String> page) {
    for (int hops = 0; (page.statusCode() == 302 || page.statusCode() == 303) && hops < 5; hops++) {
      page =
          browser.get(
              page.uri().resolve(page.headers().firstValue("Location").orElseThrow()).toString());
    }
    assertEquals(200, page.statusCode(), page.body());
    String html = page.body();
    if (!html.contains("name=\"SAMLResponse\"")) {
      HttpResponse<String> posted =
          browser.post(
              KeycloakIdp.formAction(html),
              "username="
                  + enc(KeycloakIdp.USER)
                  + "&password="
                  + enc(KeycloakIdp.PASSWORD)
                  + "&credentialId=");
      assertEquals(200, posted.statusCode(), posted.body());
      html = posted.body();
    }
    String response = KeycloakIdp.input(html, "SAMLResponse");
    assertNotNull(response, "no SAMLResponse on Keycloak's page: " + html);
    return new Posted(
        KeycloakIdp.formAction(html), response, KeycloakIdp.input(html, "RelayState"));
  }

  /** A new browser's login at the site through Keycloak, up to Keycloak's answer. */
  static Posted login(Browser browser, String provider) {
    String idpPage = Browser.location(browser.get(SamlIT.loginUrl(apiKey, provider)));
    assertTrue(idpPage.startsWith(kc.ssoUrl() + "?SAMLRequest="), idpPage);
    Posted posted = signIn(browser, idpPage);
    assertEquals(acs, posted.action());
    return posted;
  }

  static HttpResponse<String> post(Browser browser, String response, String relayState) {
    return postTo(browser, acs, response, relayState);
  }

  static HttpResponse<String> postTo(
      Browser browser, String acs, String response, String relayState) {
    return browser.post(
        acs,
        "SAMLResponse="
            + enc(response)
            + (relayState == null ? "" : "&RelayState=" + enc(relayState)));
  }

  static Map<String, String> landed(HttpResponse<String> r) {
    return answer(SamlIT.siteLocation(r));
  }

  @Test
  void loginThroughKeycloaksFormThenGetUserInfo() {
    long t0 = System.nanoTime();
    Browser browser = new Browser();
    Posted posted = login(browser, "saml-kc");
    String xml = posted.xml();
    assertTrue(xml.contains("InResponseTo="), xml);
    Map<String, String> back = landed(post(browser, posted.samlResponse(), posted.relayState()));
    assertEquals("st-1", back.get("state"));
    assertNotNull(back.get("code"), back.toString());
    String token = Sites.tokenForCode(site, back.get("code"));
    JsonObject info = Sites.call("socialize.getUserInfo", token, "");
    assertEquals(0, info.getInt("errorCode"), info.toString());
    assertEquals("saml-kc", info.getString("loginProvider"));
    assertEquals(KeycloakIdp.USER, info.getString("loginProviderUID"));
    assertEquals("alice@corp.test", info.getString("email"));
    assertEquals("Alice", info.getString("firstName"));
    assertEquals("Tester", info.getString("lastName"));
    assertEquals("f", info.getString("gender"));
    assertEquals("DE", info.getString("country"));
    assertEquals("Berlin", info.getString("city"));
    assertEquals("10115", info.getString("zip"));
    assertTrue(!info.containsKey("samlData"), info.toString());
    JsonObject identity = info.getJsonArray("identities").getJsonObject(0);
    assertEquals("saml-kc", identity.getString("provider"));
    assertEquals("DE", identity.getString("country"));
    // extraFields=samlData: a user attribute with two values, and Role sent as one Attribute
    // element per role, each as one array.
    JsonObject extra = Sites.call("socialize.getUserInfo", token, "&extraFields=samlData");
    JsonObject samlData = extra.getJsonObject("samlData");
    assertEquals(
        java.util.List.of("sales", "support"),
        samlData.getJsonArray("department").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString)
            .sorted()
            .toList(),
        extra.toString());
    assertTrue(samlData.getJsonArray("roles").size() >= 2, extra.toString());
    assertTrue(
        samlData.getJsonArray("roles").toString().contains("offline_access"), extra.toString());
    assertEquals(KeycloakIdp.USER, identity.getString("providerUID"));
    System.out.println(
        "SAML login through Keycloak's form: " + (System.nanoTime() - t0) / 1_000_000 + " ms");
  }

  @Test
  void aReplayedKeycloakResponseIsNeverASecondLogin() {
    Browser browser = new Browser();
    Posted posted = login(browser, "saml-kc");
    Map<String, String> first = landed(post(browser, posted.samlResponse(), posted.relayState()));
    assertNotNull(first.get("code"), first.toString());
    JsonObject info =
        Sites.call("socialize.getUserInfo", Sites.tokenForCode(site, first.get("code")), "");
    assertEquals("saml-kc", info.getString("loginProvider"), info.toString());

    // The same response with the same RelayState: that flow is over (its state used up), so
    // there is no page of the site to trust; answered directly, as any used state.
    HttpResponse<String> again = post(browser, posted.samlResponse(), posted.relayState());
    assertEquals(400006, json(again).getInt("errorCode"), again.body());
    assertTrue(again.headers().firstValue("Location").isEmpty(), again.headers().toString());

    // Under a fresh first leg's RelayState, in the same browser: the assertion was accepted
    // once, so it is refused as a replay at the site's redirect_uri, with no code.
    String relayState =
        SamlIdpStandIn.read(Browser.location(browser.get(SamlIT.loginUrl(apiKey, "saml-kc"))))
            .relayState();
    Map<String, String> sameBrowser = landed(post(browser, posted.samlResponse(), relayState));
    assertEquals("403004", sameBrowser.get("errorCode"), sameBrowser.toString());
    assertEquals("st-1", sameBrowser.get("state"));
    assertTrue(!sameBrowser.containsKey("code"), sameBrowser.toString());

    // And in another browser, under the RelayState of its own login at Keycloak.
    Browser other = new Browser();
    Posted fresh = login(other, "saml-kc");
    Map<String, String> replayed = landed(post(other, posted.samlResponse(), fresh.relayState()));
    assertEquals("403004", replayed.get("errorCode"), replayed.toString());
    assertTrue(replayed.get("errorDetails").contains("replay"), replayed.toString());
    assertTrue(!replayed.containsKey("code"), replayed.toString());
  }

  /** The suite server's {@code junction.saml.clock-skew-seconds}. */
  static long skewSeconds() {
    return Long.getLong("junction.saml.skew", 90);
  }

  static Instant instant(Element e, String attribute) {
    return Instant.parse(e.getAttribute(attribute));
  }

  @Test
  void anAssertionKeycloakIssuedThatExpiredIsRefused() throws InterruptedException {
    // A site of its own, whose Keycloak client issues assertions valid for one second.
    Sites.Site site = SamlIT.site();
    String apiKey = site.apiKey();
    JsonObject sp = putKeycloak(apiKey, "saml-kc", null, Map.of());
    String acs = sp.getString("assertionConsumerServiceUrl");
    kc.addSamlClient(
        sp.getString("entityID"),
        acs,
        sp.getString("certificate"),
        null,
        Map.of("saml.assertion.lifespan", "1"));
    Browser browser = new Browser();
    // Signed in at Keycloak by a first login, so that the next one gets Keycloak's answer at
    // once: the flow itself must not expire (junction.flow.lifetime-seconds) while we wait.
    signIn(browser, Browser.location(browser.get(SamlIT.loginUrl(apiKey, "saml-kc"))));
    long started = System.nanoTime();
    String idpPage = Browser.location(browser.get(SamlIT.loginUrl(apiKey, "saml-kc")));
    Posted posted = signIn(browser, idpPage);
    assertEquals(acs, posted.action());
    Document d = parse(posted.xml());
    Element assertion = assertion(d);
    Instant issued = instant(assertion, "IssueInstant");
    Instant conditions = instant(first(assertion, ASSERTION, "Conditions"), "NotOnOrAfter");
    Instant subject =
        instant(first(assertion, ASSERTION, "SubjectConfirmationData"), "NotOnOrAfter");
    Instant until = conditions.isAfter(subject) ? conditions : subject;
    assertTrue(
        Duration.between(issued, until).toSeconds() <= 2,
        "Keycloak's saml.assertion.lifespan was not applied: " + posted.xml());

    // Past NotOnOrAfter and the server's clock skew.
    long waitMs =
        Duration.between(Instant.now(), until.plusSeconds(skewSeconds()).plusMillis(700))
            .toMillis();
    Thread.sleep(Math.max(0, waitMs));
    HttpResponse<String> r = postTo(browser, acs, posted.samlResponse(), posted.relayState());
    long tookMs = (System.nanoTime() - started) / 1_000_000;
    Map<String, String> back = landed(r);
    assertEquals(
        "403002",
        back.get("errorCode"),
        back + " (posted " + tookMs + " ms after the first leg, waited " + waitMs + " ms)");
    assertTrue(back.get("errorDetails").contains("expired"), back.toString());
    assertEquals("st-1", back.get("state"));
    assertTrue(!back.containsKey("code"), back.toString());
  }

  @Test
  void addConnectionThroughKeycloaksForm() {
    // A site of its own, so that Keycloak's one user is linked to another account only here.
    Sites.Site site = SamlIT.site();
    String apiKey = site.apiKey();
    JsonObject sp = putKeycloak(apiKey, "saml-kc", null, Map.of());
    String acs = sp.getString("assertionConsumerServiceUrl");
    kc.addSamlClient(sp.getString("entityID"), acs, sp.getString("certificate"), null);
    SamlIdpStandIn corp = new SamlIdpStandIn("https://idp.corp.test/realms/corp");
    SamlIT.putIdp(apiKey, "saml-corp", corp);
    Browser browser = new Browser();
    SamlIdpStandIn.Request request =
        SamlIdpStandIn.read(Browser.location(browser.get(SamlIT.loginUrl(apiKey, "saml-corp"))));
    Map<String, String> first =
        landed(
            postTo(
                browser,
                acs,
                corp.response(request, "bob-1", SamlIdpStandIn.attribute("email", "bob@corp.test")),
                request.relayState()));
    String token = Sites.tokenForCode(site, first.get("code"));

    String idpPage =
        Browser.location(
            browser.get(
                Junction.HTTPS
                    + "/socialize.addConnection?x_provider=saml-kc&oauth_token="
                    + enc(token)
                    + "&redirect_uri="
                    + enc(Browser.SITE_PAGE)
                    + "&response_type=code&state=cn-1"));
    assertTrue(idpPage.startsWith(kc.ssoUrl() + "?SAMLRequest="), idpPage);
    Posted posted = signIn(browser, idpPage);
    Map<String, String> connected =
        landed(postTo(browser, acs, posted.samlResponse(), posted.relayState()));
    assertEquals("0", connected.get("errorCode"), connected.toString());
    assertEquals("cn-1", connected.get("state"));
    JsonObject info = Sites.call("socialize.getUserInfo", token, "");
    assertEquals("saml-corp", info.getString("loginProvider"));
    assertEquals(2, info.getJsonArray("identities").size(), info.toString());
    JsonObject kcIdentity =
        info.getJsonArray("identities").getValuesAs(JsonObject.class).stream()
            .filter(i -> i.getString("provider").equals("saml-kc"))
            .findFirst()
            .orElseThrow();
    assertEquals(KeycloakIdp.USER, kcIdentity.getString("providerUID"));
    assertEquals("alice@corp.test", kcIdentity.getString("email"));
    assertEquals("Alice", kcIdentity.getString("firstName"));
    // Connected, not logged in: the account's login provider is still saml-corp, and the
    // top-level profile is its identity's.
    assertEquals("bob-1", info.getString("loginProviderUID"), info.toString());
    assertEquals("bob@corp.test", info.getString("email"), info.toString());

    // A later login through Keycloak reaches the same account, now logged in by saml-kc: the
    // provider name is the one of the flow that logged in, not of the account's first login.
    Browser later = new Browser();
    Posted kcLogin = signIn(later, Browser.location(later.get(SamlIT.loginUrl(apiKey, "saml-kc"))));
    Map<String, String> back =
        landed(postTo(later, acs, kcLogin.samlResponse(), kcLogin.relayState()));
    assertNotNull(back.get("code"), back.toString());
    JsonObject kcInfo =
        Sites.call("socialize.getUserInfo", Sites.tokenForCode(site, back.get("code")), "");
    assertEquals(info.getString("UID"), kcInfo.getString("UID"), kcInfo.toString());
    assertEquals("saml-kc", kcInfo.getString("loginProvider"), kcInfo.toString());
    assertEquals(KeycloakIdp.USER, kcInfo.getString("loginProviderUID"), kcInfo.toString());
    assertEquals("alice@corp.test", kcInfo.getString("email"), kcInfo.toString());
    assertEquals("DE", kcInfo.getString("country"), kcInfo.toString());
  }

  @Test
  void loginByThePostBindingThroughKeycloak() {
    putKeycloak(apiKey, "saml-kcpost", "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST", Map.of());
    Browser browser = new Browser();
    String own = Browser.location(browser.get(SamlIT.loginUrl(apiKey, "saml-kcpost")));
    assertTrue(
        own.startsWith(Junction.HTTPS + "/saml/v2.0/" + apiKey + "/sp/sso?RelayState="), own);
    HttpResponse<String> page = browser.get(own);
    assertEquals(200, page.statusCode(), page.body());
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertTrue(csp.contains("form-action " + kc.base + ";"), csp);
    assertEquals(kc.ssoUrl(), KeycloakIdp.formAction(page.body()));
    String request = KeycloakIdp.input(page.body(), "SAMLRequest");
    String relayState = KeycloakIdp.input(page.body(), "RelayState");
    String xml = new String(Base64.getDecoder().decode(request), StandardCharsets.UTF_8);
    assertTrue(xml.contains("SignatureValue"), xml);
    // Another browser cannot fetch this login's signed request.
    HttpResponse<String> stranger = new Browser().get(own);
    assertEquals(403035, json(stranger).getInt("errorCode"), stranger.body());

    // Keycloak checks the request's enveloped signature with the site's certificate.
    Posted posted =
        signIn(
            browser,
            browser.post(
                kc.ssoUrl(), "SAMLRequest=" + enc(request) + "&RelayState=" + enc(relayState)));
    assertEquals(acs, posted.action());
    Map<String, String> back =
        landed(postTo(browser, acs, posted.samlResponse(), posted.relayState()));
    assertNotNull(back.get("code"), back.toString());
    JsonObject info =
        Sites.call("socialize.getUserInfo", Sites.tokenForCode(site, back.get("code")), "");
    assertEquals("saml-kcpost", info.getString("loginProvider"));
    assertEquals(KeycloakIdp.USER, info.getString("loginProviderUID"));

    // A request whose signature no longer matches is refused by Keycloak.
    Browser tampered = new Browser();
    String start = Browser.location(tampered.get(SamlIT.loginUrl(apiKey, "saml-kcpost")));
    HttpResponse<String> form = tampered.get(start);
    String changed =
        new String(
                Base64.getDecoder().decode(KeycloakIdp.input(form.body(), "SAMLRequest")),
                StandardCharsets.UTF_8)
            .replace("AllowCreate=\"true\"", "AllowCreate=\"false\"");
    HttpResponse<String> refused =
        tampered.post(
            kc.ssoUrl(),
            "SAMLRequest="
                + enc(Base64.getEncoder().encodeToString(changed.getBytes(StandardCharsets.UTF_8)))
                + "&RelayState="
                + enc(KeycloakIdp.input(form.body(), "RelayState")));
    assertTrue(
        refused.statusCode() >= 400 || !refused.body().contains("name=\"password\""),
        "Keycloak showed its login form for a request whose signature broke");
  }

  /**
   * Posts an unsolicited response (no RelayState) to a site's ACS, as the browser does, through the
   * page that posts it again from Junction's origin.
   */
  static HttpResponse<String> postUnsolicited(Browser browser, String acs, String response) {
    HttpResponse<String> r = browser.post(acs, "SAMLResponse=" + enc(response));
    if (r.statusCode() == 200 && r.body().contains("x_samesite")) {
      r = browser.post(acs, "SAMLResponse=" + enc(response) + "&x_samesite=1");
    }
    return r;
  }

  @Test
  void idpInitiatedResponsesAreRefusedUnlessTheSiteAcceptsThem() {
    Sites.Site site2 = SamlIT.site();
    String key = site2.apiKey();
    JsonObject sp = putKeycloak(key, "saml-kc", null, Map.of());
    String siteAcs = sp.getString("assertionConsumerServiceUrl");
    kc.addSamlClient(sp.getString("entityID"), siteAcs, sp.getString("certificate"), "own-" + key);
    String idpInitiated = kc.entityId() + "/protocol/saml/clients/own-" + key;
    Browser browser = new Browser();
    Posted unasked = signIn(browser, idpInitiated);
    assertEquals(siteAcs, unasked.action());
    assertTrue(unasked.relayState() == null || unasked.relayState().isEmpty(), unasked.toString());
    assertTrue(!unasked.xml().contains("InResponseTo"), unasked.xml());

    // Off (the default): refused, answered directly (there is no page of the site to go to).
    HttpResponse<String> refused = postUnsolicited(browser, siteAcs, unasked.samlResponse());
    assertEquals(403000, json(refused).getInt("errorCode"), refused.body());

    // Turning it on needs the page to land on.
    HttpResponse<String> noLanding =
        admin(
            "PUT",
            "/admin/sites/" + key + "/providers/saml-kc",
            "{\"metadata\":" + Json.createValue(kc.metadata()) + ",\"allowUnsolicited\":true}");
    assertEquals(400002, json(noLanding).getInt("errorCode"), noLanding.body());
    putKeycloak(
        key,
        "saml-kc",
        null,
        Map.of("allowUnsolicited", true, "unsolicitedRedirectUri", Browser.SITE_PAGE));

    // On: Keycloak's next IdP-initiated response lands at the configured page with a code.
    Posted fresh = signIn(browser, idpInitiated);
    HttpResponse<String> landedThere = postUnsolicited(browser, siteAcs, fresh.samlResponse());
    Map<String, String> back = landed(landedThere);
    assertNotNull(back.get("code"), back.toString());
    JsonObject info =
        Sites.call("socialize.getUserInfo", Sites.tokenForCode(site2, back.get("code")), "");
    assertEquals("saml-kc", info.getString("loginProvider"));
    assertEquals(KeycloakIdp.USER, info.getString("loginProviderUID"));

    // The same response again: its assertion was accepted once already.
    Map<String, String> replay = landed(postUnsolicited(browser, siteAcs, fresh.samlResponse()));
    assertEquals("403004", replay.get("errorCode"), replay.toString());
    // A response Keycloak issued to another service provider at this ACS: not our Audience.
    kc.addSamlClient("https://other-sp.example/aud-" + key, siteAcs, null, "aud-" + key);
    Posted forOther = signIn(browser, kc.entityId() + "/protocol/saml/clients/aud-" + key);
    Map<String, String> audience =
        landed(postUnsolicited(browser, siteAcs, forOther.samlResponse()));
    assertEquals("403000", audience.get("errorCode"), audience.toString());
    assertTrue(audience.get("errorDetails").contains("Audience"), audience.toString());
  }

  /** A fresh login's Keycloak response, altered, posted under that login's RelayState. */
  static Map<String, String> altered(UnaryOperator<String> change) {
    Browser browser = new Browser();
    Posted posted = login(browser, "saml-kc");
    String xml = change.apply(posted.xml());
    String response = Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r = post(browser, response, posted.relayState());
    assertNotEquals(500, r.statusCode(), r.body());
    Map<String, String> back = landed(r);
    assertEquals("st-1", back.get("state"));
    return back;
  }

  static Document parse(String xml) {
    try {
      return SamlIdpStandIn.parse(xml.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static String write(Document d) {
    try {
      StringWriter w = new StringWriter();
      var t = TransformerFactory.newDefaultInstance().newTransformer();
      t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      t.transform(new DOMSource(d), new StreamResult(w));
      return w.toString();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static Element first(Node in, String ns, String name) {
    NodeList l =
        in instanceof Document d
            ? d.getElementsByTagNameNS(ns, name)
            : ((Element) in).getElementsByTagNameNS(ns, name);
    return (Element) l.item(0);
  }

  static Element assertion(Document d) {
    return first(d, ASSERTION, "Assertion");
  }

  @Test
  void aChangedNameIdIsRefused() {
    Map<String, String> back =
        altered(
            xml -> {
              Document d = parse(xml);
              first(d, ASSERTION, "NameID").setTextContent("mallory");
              return write(d);
            });
    assertEquals("403003", back.get("errorCode"), back.toString());
  }

  @Test
  void aChangedAttributeIsRefused() {
    Map<String, String> back =
        altered(
            xml -> {
              Document d = parse(xml);
              NodeList values = d.getElementsByTagNameNS(ASSERTION, "AttributeValue");
              for (int i = 0; i < values.getLength(); i++) {
                if (values.item(i).getTextContent().equals("alice@corp.test")) {
                  values.item(i).setTextContent("mallory@corp.test");
                }
              }
              return write(d);
            });
    assertEquals("403003", back.get("errorCode"), back.toString());
  }

  @Test
  void aResponseWithItsSignaturesRemovedIsRefused() {
    Map<String, String> back =
        altered(
            xml -> {
              Document d = parse(xml);
              NodeList signatures = d.getElementsByTagNameNS(DSIG, "Signature");
              while (signatures.getLength() > 0) {
                Node s = signatures.item(0);
                s.getParentNode().removeChild(s);
              }
              return write(d);
            });
    assertEquals("403003", back.get("errorCode"), back.toString());
    assertTrue(back.get("errorDetails").contains("not signed"), back.toString());
  }

  @Test
  void signatureWrappingIsRefused() {
    // XSW: a forged copy (another NameID, no signature) where a reader looks first, the signed
    // original hidden in the Response's Extensions, the Response's own signature removed.
    Map<String, String> wrapped =
        altered(
            xml -> {
              Document d = parse(xml);
              Element response = d.getDocumentElement();
              Element original = assertion(d);
              Node responseSignature = first(response, DSIG, "Signature");
              if (responseSignature.getParentNode() == response) {
                response.removeChild(responseSignature);
              }
              Element forged = (Element) original.cloneNode(true);
              Node forgedSignature = first(forged, DSIG, "Signature");
              forgedSignature.getParentNode().removeChild(forgedSignature);
              first(forged, ASSERTION, "NameID").setTextContent("mallory");
              Element extensions = d.createElementNS(PROTOCOL, "samlp:Extensions");
              response.insertBefore(
                  extensions, first(response, ASSERTION, "Issuer").getNextSibling());
              response.replaceChild(forged, original);
              extensions.appendChild(original);
              return write(d);
            });
    assertEquals("400006", wrapped.get("errorCode"), wrapped.toString());

    // The signed assertion moved away, the forged one carrying the original's signature.
    Map<String, String> moved =
        altered(
            xml -> {
              Document d = parse(xml);
              Element response = d.getDocumentElement();
              Element original = assertion(d);
              Element forged = (Element) original.cloneNode(true);
              forged.setAttribute("ID", "_forged");
              first(forged, ASSERTION, "NameID").setTextContent("mallory");
              Element signature = first(forged, DSIG, "Signature");
              Element object = d.createElementNS(DSIG, "ds:Object");
              signature.appendChild(object);
              response.replaceChild(forged, original);
              object.appendChild(original);
              return write(d);
            });
    assertEquals("400006", moved.get("errorCode"), moved.toString());
  }

  @Test
  void aDoctypeWithAnExternalEntityIsRefused() {
    Map<String, String> back =
        altered(
            xml -> {
              String body = xml.startsWith("<?xml") ? xml.substring(xml.indexOf("?>") + 2) : xml;
              return "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM"
                  + " \"file:///etc/passwd\">]>"
                  + body.replace(KeycloakIdp.USER + "</", "&xxe;</");
            });
    assertEquals("400006", back.get("errorCode"), back.toString());
    assertTrue(back.get("errorDetails").contains("DOCTYPE"), back.toString());
  }

  @Test
  void aResponseKeycloakIssuedForAnotherServiceProviderIsRefused() {
    // Keycloak's IdP-initiated login for another service provider of the same realm: a response
    // Keycloak signed, addressed to that provider, carried to this site's ACS.
    String other = "https://other-sp.example/saml/metadata";
    kc.addSamlClient(other, "https://other-sp.example/saml/acs", null, "other-" + apiKey);
    Browser browser = new Browser();
    Posted pending = login(browser, "saml-kc");
    Posted forOther = signIn(browser, kc.entityId() + "/protocol/saml/clients/other-" + apiKey);
    assertEquals("https://other-sp.example/saml/acs", forOther.action());
    Map<String, String> back = landed(post(browser, forOther.samlResponse(), pending.relayState()));
    assertEquals("403000", back.get("errorCode"), back.toString());
    assertTrue(back.get("errorDetails").contains("Destination"), back.toString());
  }
}
