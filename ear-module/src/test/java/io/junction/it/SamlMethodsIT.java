package io.junction.it;

import static io.junction.it.Junction.HTTP;
import static io.junction.it.Junction.HTTPS;
import static io.junction.it.Junction.admin;
import static io.junction.it.Junction.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Gigya's fidm.saml methods as signed server calls on the real server: the site's identity
 * providers registered, listed, imported from metadata and deleted, its service provider read, in
 * JSON and XML; the same fields and errors as the admin API, every change in the audit log under
 * the site or the application key that made it.
 */
class SamlMethodsIT {

  static final SamlIdpStandIn CORP = new SamlIdpStandIn("https://idp.corp.test/realms/corp");

  static JsonObject ok(HttpResponse<String> r) {
    JsonObject o = json(r);
    assertEquals(0, o.getInt("errorCode"), r.body());
    return o;
  }

  static int code(HttpResponse<String> r) {
    return json(r).getInt("errorCode");
  }

  static String config(String name) {
    return Json.createObjectBuilder()
        .add("name", name)
        .add("entityID", CORP.entityId)
        .add("singleSignOnServiceUrl", CORP.entityId + "/sso")
        .add("singleLogoutServiceUrl", CORP.entityId + "/slo")
        .add("certificate", CORP.certificatePem)
        .add("attributeMap", Json.createObjectBuilder().add("email", "Email"))
        .build()
        .toString();
  }

  static String idpMetadata() {
    String cert =
        CORP.certificatePem
            .replace("-----BEGIN CERTIFICATE-----", "")
            .replace("-----END CERTIFICATE-----", "")
            .replaceAll("\\s", "");
    return "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\""
        + " xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" entityID=\"https://idp.md.test/saml\">"
        + "<md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
        + "<md:KeyDescriptor><ds:KeyInfo><ds:X509Data><ds:X509Certificate>"
        + cert
        + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
        + "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\""
        + " Location=\"https://idp.md.test/saml/sso\"/>"
        + "</md:IDPSSODescriptor></md:EntityDescriptor>";
  }

  @Test
  void theSiteConfiguresItsIdentityProvidersBySignedCalls() {
    Sites.Site site = SamlIT.site();
    GigyaSigner signer = new GigyaSigner(site.apiKey(), site.secret(), null);

    ok(signer.send(HTTP, "fidm.saml.registerIdP", Map.of("config", config("Corp"))));
    JsonArray configs =
        ok(signer.send(HTTPS, "fidm.saml.getRegisteredIdPs", Map.of())).getJsonArray("configs");
    assertEquals(1, configs.size(), configs.toString());
    JsonObject corp = configs.getJsonObject(0);
    assertEquals("corp", corp.getString("name"));
    assertEquals(CORP.entityId, corp.getString("entityID"));
    assertEquals(CORP.entityId + "/slo", corp.getString("singleLogoutServiceUrl"));
    assertEquals("Email", corp.getJsonObject("attributeMap").getString("email"));
    // The admin API sees the same provider.
    HttpResponse<String> viaAdmin =
        admin("GET", "/admin/sites/" + site.apiKey() + "/providers/saml-corp", null);
    assertEquals(200, viaAdmin.statusCode(), viaAdmin.body());
    assertEquals(CORP.entityId, json(viaAdmin).getJsonObject("saml").getString("entityID"));

    HttpResponse<String> xml =
        signer.send(HTTP, "fidm.saml.getRegisteredIdPs", Map.of("format", "xml"));
    assertTrue(xml.body().contains("<fidm.saml.getRegisteredIdPsResponse"), xml.body());
    assertTrue(xml.body().contains("<name>corp</name>"), xml.body());
    assertTrue(xml.body().contains("<errorCode>0</errorCode>"), xml.body());

    JsonObject sp = ok(signer.send(HTTP, "fidm.saml.getConfig", Map.of())).getJsonObject("config");
    String base = HTTPS + "/saml/v2.0/" + site.apiKey() + "/sp/";
    assertEquals(base + "metadata", sp.getString("entityID"));
    assertEquals(base + "metadata", sp.getString("spMetadataUrl"));
    assertEquals(base + "acs", sp.getString("spAssertionConsumerServiceUrl"));
    assertEquals(base + "slo", sp.getString("spSingleLogoutServiceUrl"));
    assertTrue(sp.getString("certificate").startsWith("-----BEGIN CERTIFICATE-----"));

    // Metadata read without saving, then saved under a name.
    JsonObject read =
        ok(signer.send(HTTP, "fidm.saml.importIdPMetadata", Map.of("metadata", idpMetadata())))
            .getJsonObject("config");
    assertEquals("https://idp.md.test/saml", read.getString("entityID"));
    assertEquals("https://idp.md.test/saml/sso", read.getString("singleSignOnServiceUrl"));
    assertEquals(
        1,
        ok(signer.send(HTTP, "fidm.saml.getRegisteredIdPs", Map.of()))
            .getJsonArray("configs")
            .size());
    ok(
        signer.send(
            HTTP,
            "fidm.saml.importIdPMetadata",
            Map.of("metadata", idpMetadata(), "saveConfiguration", "true", "name", "md")));
    assertEquals(
        2,
        ok(signer.send(HTTP, "fidm.saml.getRegisteredIdPs", Map.of()))
            .getJsonArray("configs")
            .size());

    ok(signer.send(HTTP, "fidm.saml.delIdP", Map.of("name", "md")));
    assertEquals(
        404,
        admin("GET", "/admin/sites/" + site.apiKey() + "/providers/saml-md", null).statusCode());

    List<JsonObject> log =
        json(admin("GET", "/admin/audit?apiKey=" + site.apiKey(), null))
            .getJsonArray("events")
            .stream()
            .map(v -> v.asJsonObject())
            .toList();
    assertEquals(
        List.of("provider.delete", "provider.create", "provider.create"),
        log.stream().limit(3).map(e -> e.getString("action")).toList(),
        log.toString());
    assertEquals("site:" + site.apiKey(), log.get(0).getString("actor"), log.toString());
    assertEquals("saml-md", log.get(0).getString("target"));
  }

  @Test
  void badInputAndWrongCredentialsAreGigyaErrors() {
    Sites.Site site = SamlIT.site();
    GigyaSigner signer = new GigyaSigner(site.apiKey(), site.secret(), null);
    assertEquals(400002, code(signer.send(HTTP, "fidm.saml.registerIdP", Map.of())));
    assertEquals(
        400006, code(signer.send(HTTP, "fidm.saml.registerIdP", Map.of("config", "not json"))));
    assertEquals(
        400006,
        code(
            signer.send(
                HTTP,
                "fidm.saml.registerIdP",
                Map.of("config", config("corp").replace("/sso\"", "/sso#frag\"")))));
    assertEquals(400002, code(signer.send(HTTP, "fidm.saml.delIdP", Map.of())));
    assertEquals(400002, code(signer.send(HTTP, "fidm.saml.importIdPMetadata", Map.of())));
    assertEquals(
        400006, code(signer.send(HTTP, "fidm.saml.importIdPMetadata", Map.of("metadata", "<x/>"))));
    assertEquals(
        400002,
        code(
            signer.send(
                HTTP,
                "fidm.saml.importIdPMetadata",
                Map.of("metadata", idpMetadata(), "saveConfiguration", "true"))));
    assertEquals(
        403003,
        code(
            new GigyaSigner(site.apiKey(), "d3Jvbmctc2VjcmV0LXZhbHVl", null)
                .send(HTTP, "fidm.saml.registerIdP", Map.of("config", config("corp")))));
    assertEquals(
        400002, code(Junction.get(HTTPS + "/fidm.saml.getConfig?apiKey=" + site.apiKey())));

    // An application key needs the method among its permissions; an oauth_token never does.
    JsonObject reporting =
        json(
            admin(
                "POST",
                "/admin/sites/" + site.apiKey() + "/applications",
                "{\"name\":\"reporting\",\"permissions\":[\"socialize.*\"]}"));
    GigyaSigner reporter =
        new GigyaSigner(
            site.apiKey(), reporting.getString("secret"), reporting.getString("userKey"));
    assertEquals(403007, code(reporter.send(HTTP, "fidm.saml.getRegisteredIdPs", Map.of())));
    HttpResponse<String> created =
        admin(
            "POST",
            "/admin/sites/" + site.apiKey() + "/applications",
            "{\"name\":\"sso-admin\",\"permissions\":[\"fidm.saml.*\"]}");
    assertEquals(201, created.statusCode(), created.body());
    JsonObject ssoAdmin = json(created);
    GigyaSigner tool =
        new GigyaSigner(site.apiKey(), ssoAdmin.getString("secret"), ssoAdmin.getString("userKey"));
    ok(tool.send(HTTP, "fidm.saml.registerIdP", Map.of("config", config("corp"))));
    JsonObject event =
        json(admin("GET", "/admin/audit?apiKey=" + site.apiKey(), null))
            .getJsonArray("events")
            .getJsonObject(0);
    assertEquals("userKey:" + ssoAdmin.getString("userKey"), event.getString("actor"));

    String token = Sites.token(site, "grant_type=none");
    assertEquals(
        403007,
        code(
            Junction.get(
                HTTPS + "/fidm.saml.getRegisteredIdPs?oauth_token=" + Browser.enc(token))));
    // An unknown method of three parts is an unknown method.
    assertEquals(
        405001, code(Junction.get(HTTPS + "/fidm.saml.noSuchMethod?apiKey=" + site.apiKey())));
  }
}
