package io.junction.web.rest.admin;

import static io.junction.web.testing.GigyaAssertions.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderInfo;
import io.junction.web.audit.AdminChanges;
import io.junction.web.audit.AuditEvent;
import io.junction.web.audit.AuditLog;
import io.junction.web.caller.Administrator;
import io.junction.web.saml.SamlCertificates;
import io.junction.web.saml.SamlIdpSettings;
import io.junction.web.saml.SamlService;
import io.junction.web.testing.TestServices;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin API's SAML identity providers and Gigya's fidm.saml methods share one path: the same
 * validation, the same stored settings, every change in the audit log under its author.
 */
class SamlIdpsTest {

  static final Administrator SITE_CALL = new Administrator("site:3_x", "192.0.2.9");
  static final Administrator ADMIN = new Administrator("admin", "192.0.2.7");
  static final String CERT =
      SamlCertificates.base64(SamlCertificates.generate("IdP").certificate());

  static TestServices app;
  static SamlIdps idps;

  @BeforeAll
  static void start() {
    app = TestServices.start();
    // No social connectors: the catalog names saml-<name> providers by itself.
    app.beans()
        .add(
            java.lang.reflect.Proxy.newProxyInstance(
                SamlIdpsTest.class.getClassLoader(),
                new Class<?>[] {jakarta.enterprise.inject.Instance.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("iterator")) {
                    return java.util.Collections.emptyIterator();
                  }
                  throw new UnsupportedOperationException(method.getName());
                }));
    app.beans().add(new io.junction.provider.PublicAddresses(false));
    idps = app.get(SamlIdps.class);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static JsonObjectBuilder config() {
    return Json.createObjectBuilder()
        .add("entityID", "https://idp.example/realms/r")
        .add("singleSignOnServiceUrl", "https://idp.example/realms/r/protocol/saml")
        .add("singleLogoutServiceUrl", "https://idp.example/realms/r/protocol/saml/logout")
        .add("attributeMap", Json.createObjectBuilder().add("mail", "Email"))
        .add("certificate", CERT);
  }

  static <T> T tx(Callable<T> work) {
    return app.db().transactional(AdminChanges.class, "putSamlIdp", work);
  }

  static String site() {
    return app.newSite().site().apiKey();
  }

  static List<AuditEvent> events(String apiKey) {
    return app.get(AuditLog.class).events(apiKey, null, 50, null).events();
  }

  @Test
  void registerIdPStoresWhatTheAdminApiStoresAndIsAuditedUnderTheSite() {
    String a = site();
    String b = site();
    String body = config().build().toString();
    tx(() -> idps.register(SITE_CALL, a, config().add("name", "Corp").build().toString()));
    ProviderInfo corp = idps.provider("corp", "name");
    tx(() -> idps.put(ADMIN, b, corp, body.getBytes(StandardCharsets.UTF_8)));
    SamlService saml = app.get(SamlService.class);
    assertEquals(
        saml.idp(b, "saml-corp").settings(), saml.idp(a, "saml-corp").settings(), "one path");

    AuditEvent created = events(a).get(0);
    assertEquals("provider.create", created.action());
    assertEquals("site:3_x", created.actor());
    assertEquals("saml-corp", created.target());
    JsonObject changes = Json.createReader(new StringReader(created.changes())).readObject();
    assertEquals("https://idp.example/realms/r", changes.getString("entityID"));
    assertEquals(1, changes.getJsonArray("certificates").size());
    assertEquals("provider.create", events(b).get(0).action());
    assertEquals("admin", events(b).get(0).actor());

    // What getRegisteredIdPs lists registers again unchanged (its certificate as PEM).
    List<Map<String, Object>> listed = idps.list(a);
    assertEquals(1, listed.size());
    Map<String, Object> idp = listed.get(0);
    assertEquals("corp", idp.get("name"));
    assertEquals(
        "https://idp.example/realms/r/protocol/saml/logout", idp.get("singleLogoutServiceUrl"));
    assertTrue(((String) idp.get("certificate")).startsWith("-----BEGIN CERTIFICATE-----\n"));
    JsonObjectBuilder again = Json.createObjectBuilder();
    idp.forEach(
        (k, v) -> {
          if (v instanceof String s) {
            again.add(k, s);
          } else if (v instanceof Boolean bool) {
            again.add(k, bool);
          } else if (v instanceof Map<?, ?> m) {
            JsonObjectBuilder o = Json.createObjectBuilder();
            m.forEach((x, y) -> o.add((String) x, (String) y));
            again.add(k, o);
          }
        });
    SamlIdpSettings before = saml.idp(a, "saml-corp").settings();
    SamlService.PutIdp put = tx(() -> idps.register(SITE_CALL, a, again.build().toString()));
    assertFalse(put.created());
    assertEquals(before, put.idp().settings());
    assertEquals("provider.update", events(a).get(0).action());
    assertEquals("{}", events(a).get(0).changes(), "nothing changed");
  }

  @Test
  void badConfigurationsAreGigyaErrorsNamingTheParameter() {
    String a = site();
    assertRefused(ErrorCode.MISSING_REQUIRED_PARAMETER, () -> idps.register(SITE_CALL, a, null));
    assertTrue(
        assertRefused(ErrorCode.INVALID_PARAMETER_VALUE, () -> idps.register(SITE_CALL, a, "[1,2]"))
            .details()
            .contains("config"));
    assertRefused(
        ErrorCode.INVALID_PARAMETER_VALUE, () -> idps.register(SITE_CALL, a, "{not json"));
    assertTrue(
        assertRefused(
                ErrorCode.MISSING_REQUIRED_PARAMETER,
                () -> idps.register(SITE_CALL, a, config().build().toString()))
            .details()
            .contains("name"));
    assertRefused(
        ErrorCode.INVALID_PARAMETER_VALUE,
        () -> idps.register(SITE_CALL, a, config().add("name", "Corp IdP!").build().toString()));
    assertTrue(
        assertRefused(
                ErrorCode.MISSING_REQUIRED_PARAMETER,
                () ->
                    idps.register(
                        SITE_CALL,
                        a,
                        Json.createObjectBuilder()
                            .add("name", "corp")
                            .add("certificate", CERT)
                            .build()
                            .toString()))
            .details()
            .contains("entityID"));
    assertRefused(
        ErrorCode.INVALID_PARAMETER_VALUE,
        () ->
            idps.register(
                SITE_CALL,
                a,
                config()
                    .add("name", "corp")
                    .add("singleSignOnServiceBinding", "urn:x")
                    .build()
                    .toString()));
    assertRefused(
        ErrorCode.INVALID_PARAMETER_VALUE,
        () ->
            idps.register(
                SITE_CALL, a, config().add("name", "corp").add("x", 1).build().toString()));
    assertRefused(ErrorCode.MISSING_REQUIRED_PARAMETER, () -> idps.delete(SITE_CALL, a, null));
    assertRefused(
        ErrorCode.NOT_FOUND,
        () ->
            tx(
                () -> {
                  idps.delete(SITE_CALL, a, "corp");
                  return null;
                }));
    assertTrue(events(a).isEmpty(), "a refused change leaves no record");
  }

  @Test
  void metadataIsReadLikeARegistrationAndSavedOnlyWhenAsked() {
    String a = site();
    String metadata =
        "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\""
            + " xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" entityID=\"https://idp.example/md\">"
            + "<md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
            + "<md:KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>"
            + CERT
            + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
            + "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\""
            + " Location=\"https://idp.example/md/sso\"/>"
            + "</md:IDPSSODescriptor></md:EntityDescriptor>";
    SamlIdpSettings s = idps.fromMetadata(metadata, null);
    assertEquals("https://idp.example/md", s.entityId());
    assertEquals("https://idp.example/md/sso", s.ssoUrl());
    assertEquals(List.of(CERT), s.certificates());
    assertTrue(idps.list(a).isEmpty());
    tx(() -> idps.save(SITE_CALL, a, "md", s));
    assertEquals("md", idps.list(a).get(0).get("name"));

    assertRefused(ErrorCode.MISSING_REQUIRED_PARAMETER, () -> idps.fromMetadata(null, null));
    assertRefused(
        ErrorCode.INVALID_PARAMETER_VALUE, () -> idps.fromMetadata(metadata, "https://x.example/"));
    assertRefused(ErrorCode.INVALID_PARAMETER_VALUE, () -> idps.fromMetadata("<a/>", null));

    tx(
        () -> {
          idps.delete(SITE_CALL, a, "saml-md");
          return null;
        });
    assertTrue(idps.list(a).isEmpty());
    assertEquals("provider.delete", events(a).get(0).action());
  }

  @Test
  void theServiceProviderConfigNamesItsUrlsAndCertificate() {
    String a = site();
    Map<String, Object> sp = tx(() -> idps.serviceProvider(a));
    assertTrue(((String) sp.get("entityID")).endsWith("/saml/v2.0/" + a + "/sp/metadata"));
    assertEquals(sp.get("entityID"), sp.get("spMetadataUrl"));
    assertTrue(((String) sp.get("spAssertionConsumerServiceUrl")).endsWith("/sp/acs"));
    assertTrue(((String) sp.get("spSingleLogoutServiceUrl")).endsWith("/sp/slo"));
    assertTrue(((String) sp.get("certificate")).contains("-----BEGIN CERTIFICATE-----"));
  }
}
