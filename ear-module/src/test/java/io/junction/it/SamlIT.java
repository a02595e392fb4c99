package io.junction.it;

import static io.junction.it.Browser.answer;
import static io.junction.it.Browser.enc;
import static io.junction.it.Junction.admin;
import static io.junction.it.Junction.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * saml-&lt;name&gt; end to end on the real server, the identity provider played by the test
 * (SamlIdpStandIn): the site's IdP configured by the admin API, the service provider's metadata,
 * socialize.login and addConnection through a signed AuthnRequest and a signed response posted to
 * the assertion consumer service, getUserInfo; a response signed by another key, one addressed to
 * another service provider and a replay refused.
 */
class SamlIT {

  static final SamlIdpStandIn CORP = new SamlIdpStandIn("https://idp.corp.test/realms/corp");
  static final SamlIdpStandIn PARTNER = new SamlIdpStandIn("https://idp.partner.test/saml");
  static final SamlIdpStandIn STRANGER = new SamlIdpStandIn("https://idp.corp.test/realms/corp");

  static final String ATTRIBUTES =
      SamlIdpStandIn.attribute("email", "alice@corp.test")
          + SamlIdpStandIn.attribute("firstName", "Alice")
          + SamlIdpStandIn.attribute("lastName", "Tester")
          + SamlIdpStandIn.attribute("Role", "staff")
          + SamlIdpStandIn.attribute("Role", "admin");

  static Sites.Site site() {
    HttpResponse<String> created =
        admin(
            "POST",
            "/admin/sites",
            "{\"name\":\"SAML " + UUID.randomUUID() + "\",\"domains\":[\"shop.example.com\"]}");
    assertEquals(201, created.statusCode(), created.body());
    return new Sites.Site(json(created).getString("apiKey"), json(created).getString("secret"));
  }

  static JsonObject putIdp(String apiKey, String name, SamlIdpStandIn idp) {
    String body =
        Json.createObjectBuilder()
            .add("entityID", idp.entityId)
            .add("singleSignOnServiceUrl", idp.entityId + "/sso")
            .add("certificate", idp.certificatePem)
            .add(
                "attributeMap",
                Json.createObjectBuilder()
                    .add("email", "Email")
                    .add("firstName", "FirstName")
                    .add("lastName", "LastName")
                    .add("Role", "samlData.roles"))
            .build()
            .toString();
    HttpResponse<String> put = admin("PUT", "/admin/sites/" + apiKey + "/providers/" + name, body);
    assertEquals(201, put.statusCode(), put.body());
    return json(put);
  }

  static String loginUrl(String apiKey, String provider) {
    return Junction.HTTPS
        + "/socialize.login?x_provider="
        + provider
        + "&client_id="
        + enc(apiKey)
        + "&redirect_uri="
        + enc(Browser.SITE_PAGE)
        + "&response_type=code&state=st-1";
  }

  static HttpResponse<String> postToAcs(
      Browser browser, String acs, String response, String relay) {
    return browser.post(acs, "SAMLResponse=" + enc(response) + "&RelayState=" + enc(relay));
  }

  static String siteLocation(HttpResponse<String> r) {
    assertEquals(303, r.statusCode(), "a redirect to the site expected: " + r.body());
    return r.headers().firstValue("Location").orElseThrow();
  }

  @Test
  void loginAndAddConnectionThroughSamlIdentityProviders() {
    Sites.Site site = site();
    String apiKey = site.apiKey();
    JsonObject view = putIdp(apiKey, "saml-corp", CORP);
    JsonObject sp = view.getJsonObject("saml").getJsonObject("serviceProvider");
    String acs = Junction.HTTPS + "/saml/v2.0/" + apiKey + "/sp/acs";
    assertEquals(acs, sp.getString("assertionConsumerServiceUrl"));
    assertEquals(
        Junction.HTTPS + "/saml/v2.0/" + apiKey + "/sp/metadata", sp.getString("entityID"));
    HttpResponse<String> metadata = Junction.get(sp.getString("metadataUrl"));
    assertEquals(200, metadata.statusCode());
    assertTrue(metadata.body().contains(sp.getString("certificate")), metadata.body());
    assertTrue(metadata.body().contains("entityID=\"" + sp.getString("entityID") + "\""));

    Browser browser = new Browser();
    String idpPage = Browser.location(browser.get(loginUrl(apiKey, "saml-corp")));
    assertTrue(idpPage.startsWith(CORP.entityId + "/sso?SAMLRequest="), idpPage);
    assertTrue(idpPage.contains("&SigAlg=") && idpPage.contains("&Signature="), idpPage);
    SamlIdpStandIn.Request request = SamlIdpStandIn.read(idpPage);
    assertEquals(acs, request.acs());
    assertEquals(sp.getString("entityID"), request.issuer());

    String response = CORP.response(request, "alice-1", ATTRIBUTES);
    java.util.Map<String, String> answer =
        answer(siteLocation(postToAcs(browser, acs, response, request.relayState())));
    assertEquals("st-1", answer.get("state"));
    assertNotNull(answer.get("code"), answer.toString());
    String token = Sites.tokenForCode(site, answer.get("code"));
    JsonObject info = Sites.call("socialize.getUserInfo", token, "");
    assertEquals(0, info.getInt("errorCode"), info.toString());
    assertEquals("saml-corp", info.getString("loginProvider"));
    assertEquals("alice-1", info.getString("loginProviderUID"));
    assertEquals("alice@corp.test", info.getString("email"));
    assertEquals("Alice", info.getString("firstName"));
    assertEquals("Tester", info.getString("lastName"));
    // Role came as two Attribute elements of one Name: one array in samlData.
    JsonObject extra = Sites.call("socialize.getUserInfo", token, "&extraFields=samlData");
    assertEquals(
        "[\"staff\",\"admin\"]",
        extra.getJsonObject("samlData").getJsonArray("roles").toString(),
        extra.toString());

    // The same response again: its RelayState is used up.
    HttpResponse<String> replay = postToAcs(browser, acs, response, request.relayState());
    assertEquals(400006, json(replay).getInt("errorCode"), replay.body());

    // addConnection with a second identity provider of the site.
    putIdp(apiKey, "saml-partner", PARTNER);
    String connectPage =
        Browser.location(
            browser.get(
                Junction.HTTPS
                    + "/socialize.addConnection?x_provider=saml-partner&oauth_token="
                    + enc(token)
                    + "&redirect_uri="
                    + enc(Browser.SITE_PAGE)
                    + "&response_type=code&state=cn-1"));
    SamlIdpStandIn.Request connect = SamlIdpStandIn.read(connectPage);
    java.util.Map<String, String> connected =
        answer(
            siteLocation(
                postToAcs(
                    browser,
                    acs,
                    PARTNER.response(
                        connect, "p-77", SamlIdpStandIn.attribute("email", "a@p.test")),
                    connect.relayState())));
    assertEquals("0", connected.get("errorCode"), connected.toString());
    JsonObject after = Sites.call("socialize.getUserInfo", token, "");
    assertEquals(info.getString("UID"), after.getString("UID"));
    assertEquals(2, after.getJsonArray("identities").size(), after.toString());
  }

  @Test
  void aResponseSignedByAnotherKeyEndsAtTheSiteWithTheError() {
    String apiKey = site().apiKey();
    putIdp(apiKey, "saml-corp", CORP);
    String acs = Junction.HTTPS + "/saml/v2.0/" + apiKey + "/sp/acs";
    Browser browser = new Browser();
    SamlIdpStandIn.Request request =
        SamlIdpStandIn.read(Browser.location(browser.get(loginUrl(apiKey, "saml-corp"))));
    java.util.Map<String, String> back =
        answer(
            siteLocation(
                postToAcs(
                    browser,
                    acs,
                    STRANGER.response(request, "alice-1", ATTRIBUTES),
                    request.relayState())));
    assertEquals("403003", back.get("errorCode"), back.toString());
    assertEquals("st-1", back.get("state"));
  }

  @Test
  void aResponseForAnotherServiceProviderEndsAtTheSiteWithTheError() {
    String apiKey = site().apiKey();
    putIdp(apiKey, "saml-corp", CORP);
    String acs = Junction.HTTPS + "/saml/v2.0/" + apiKey + "/sp/acs";
    Browser browser = new Browser();
    SamlIdpStandIn.Request request =
        SamlIdpStandIn.read(Browser.location(browser.get(loginUrl(apiKey, "saml-corp"))));
    String forOther =
        CORP.response(request, acs, "https://elsewhere.example/sp", "alice-1", ATTRIBUTES);
    java.util.Map<String, String> back =
        answer(siteLocation(postToAcs(browser, acs, forOther, request.relayState())));
    assertEquals("403000", back.get("errorCode"), back.toString());
  }

  @Test
  void aPostWithoutSamlResponseIs409015() {
    String apiKey = site().apiKey();
    HttpResponse<String> r =
        new Browser().post(Junction.HTTPS + "/saml/v2.0/" + apiKey + "/sp/acs", "RelayState=x");
    assertEquals(409015, json(r).getInt("errorCode"), r.body());
  }
}
