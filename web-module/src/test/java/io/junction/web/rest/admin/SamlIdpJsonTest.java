package io.junction.web.rest.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.ErrorCode;
import io.junction.web.envelope.GigyaException;
import io.junction.web.saml.SamlCertificates;
import io.junction.web.saml.SamlIdpSettings;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What an administrator may give a saml-&lt;name&gt; provider. */
class SamlIdpJsonTest {

  static final String CERT =
      SamlCertificates.base64(SamlCertificates.generate("IdP").certificate());
  static final Function<String, byte[]> NO_FETCH =
      url -> {
        throw new AssertionError("nothing to fetch");
      };

  static JsonObjectBuilder minimal() {
    return Json.createObjectBuilder()
        .add("entityID", "https://idp.example/realms/r")
        .add("singleSignOnServiceUrl", "https://idp.example/realms/r/protocol/saml")
        .add("certificate", CERT);
  }

  static SamlIdpSettings read(JsonObjectBuilder body) {
    return read(body, NO_FETCH);
  }

  static SamlIdpSettings read(JsonObjectBuilder body, Function<String, byte[]> fetch) {
    return SamlIdpJson.read(
        AdminJson.parse(
            body.build().toString().getBytes(StandardCharsets.UTF_8), SamlIdpJson.FIELDS),
        false,
        fetch);
  }

  static GigyaException refused(JsonObjectBuilder body, ErrorCode code, String field) {
    GigyaException e = assertThrows(GigyaException.class, () -> read(body));
    assertEquals(code, e.code());
    assertTrue(
        e.getMessage().contains(field) || String.valueOf(e.details()).contains(field), e.details());
    return e;
  }

  @Test
  void theFieldsTakeGigyasDefaults() {
    SamlIdpSettings s = read(minimal());
    assertEquals("https://idp.example/realms/r", s.entityId());
    assertEquals(SamlIdpSettings.REDIRECT, s.ssoBinding());
    assertEquals(SamlIdpSettings.REDIRECT, s.sloBinding());
    assertEquals(null, s.sloUrl());
    assertEquals(SamlIdpSettings.UNSPECIFIED, s.nameIdFormat());
    assertEquals(List.of(CERT), s.certificates());
    assertTrue(s.attributeMap().isEmpty());
    assertFalse(s.allowUnsolicited(), "IdP-initiated responses are off by default");
  }

  @Test
  void everyFieldIsTaken() {
    SamlIdpSettings s =
        read(
            minimal()
                .add("singleSignOnServiceBinding", SamlIdpSettings.POST)
                .add("singleLogoutServiceUrl", "https://idp.example/slo")
                .add("singleLogoutServiceBinding", SamlIdpSettings.POST)
                .add("nameIDFormat", "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent")
                .add(
                    "attributeMap",
                    Json.createObjectBuilder()
                        .add("email", "Email")
                        .add("urn:oid:2.5.4.42", "FirstName")
                        .add("Role", "samlData.roles"))
                .add("allowUnsolicited", true)
                .add("unsolicitedRedirectUri", "https://site.example/welcome"));
    assertEquals(SamlIdpSettings.POST, s.ssoBinding());
    assertEquals("https://idp.example/slo", s.sloUrl());
    assertEquals(
        Map.of("email", "Email", "urn:oid:2.5.4.42", "FirstName", "Role", "samlData.roles"),
        s.attributeMap());
    assertTrue(s.allowUnsolicited());
    assertEquals("https://site.example/welcome", s.unsolicitedRedirectUri());
  }

  @Test
  void aPemCertificateAndMetadataOnSeveralLinesAreTaken() {
    String pem =
        "-----BEGIN CERTIFICATE-----\r\n"
            + CERT.replaceAll("(.{64})", "$1\n")
            + "\n-----END CERTIFICATE-----\n";
    assertEquals(List.of(CERT), read(minimal().add("certificate", pem)).certificates());
    refused(
        minimal().add("certificate", CERT.substring(0, 10) + "\u0000" + CERT.substring(10)),
        ErrorCode.INVALID_PARAMETER_VALUE,
        "certificate");
    refused(
        minimal().add("entityID", "https://idp.example/\nx"),
        ErrorCode.INVALID_PARAMETER_VALUE,
        "entityID");
  }

  @Test
  void wrongValuesAreRefusedNamingTheField() {
    refused(minimal().remove("entityID"), ErrorCode.MISSING_REQUIRED_PARAMETER, "entityID");
    refused(minimal().remove("certificate"), ErrorCode.MISSING_REQUIRED_PARAMETER, "certificate");
    refused(
        minimal().remove("singleSignOnServiceUrl"),
        ErrorCode.MISSING_REQUIRED_PARAMETER,
        "singleSignOnServiceUrl");
    refused(
        minimal().add("singleSignOnServiceUrl", "http://idp.example/sso"),
        ErrorCode.INVALID_PARAMETER_VALUE,
        "singleSignOnServiceUrl");
    refused(
        minimal().add("singleSignOnServiceUrl", "javascript:alert(1)"),
        ErrorCode.INVALID_PARAMETER_VALUE,
        "singleSignOnServiceUrl");
    refused(
        minimal().add("singleSignOnServiceBinding", "urn:oasis:names:tc:SAML:2.0:bindings:SOAP"),
        ErrorCode.INVALID_PARAMETER_VALUE,
        "singleSignOnServiceBinding");
    refused(minimal().add("certificate", "MIIB"), ErrorCode.INVALID_PARAMETER_VALUE, "certificate");
    refused(
        minimal().add("attributeMap", Json.createObjectBuilder().add("mail", "Password")),
        ErrorCode.INVALID_PARAMETER_VALUE,
        "attributeMap");
    refused(
        minimal().add("attributeMap", Json.createObjectBuilder().add("mail", 3)),
        ErrorCode.INVALID_PARAMETER_VALUE,
        "attributeMap");
    refused(
        minimal().add("nameIDFormat", "persistent"),
        ErrorCode.INVALID_PARAMETER_VALUE,
        "nameIDFormat");
    refused(
        minimal().add("metadata", "<!DOCTYPE x []><x/>"),
        ErrorCode.INVALID_PARAMETER_VALUE,
        "metadata");
  }

  @Test
  void metadataFillsTheFieldsAndGivenFieldsWin() {
    String metadata =
        "<md:EntityDescriptor xmlns:md='urn:oasis:names:tc:SAML:2.0:metadata'"
            + " xmlns:ds='http://www.w3.org/2000/09/xmldsig#' entityID='https://kc.example/realms/r'>"
            + "\n  <md:IDPSSODescriptor protocolSupportEnumeration='urn:oasis:names:tc:SAML:2.0:protocol'>\n"
            + "<md:KeyDescriptor use='signing'><ds:KeyInfo><ds:X509Data><ds:X509Certificate>"
            + CERT
            + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
            + "<md:SingleSignOnService Binding='urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST'"
            + " Location='https://kc.example/realms/r/protocol/saml'/>"
            + "</md:IDPSSODescriptor></md:EntityDescriptor>";
    SamlIdpSettings s = read(Json.createObjectBuilder().add("metadata", metadata));
    assertEquals("https://kc.example/realms/r", s.entityId());
    assertEquals("https://kc.example/realms/r/protocol/saml", s.ssoUrl());
    assertEquals(SamlIdpSettings.POST, s.ssoBinding());
    assertEquals(List.of(CERT), s.certificates());

    SamlIdpSettings fetched =
        read(
            Json.createObjectBuilder()
                .add("metadataUrl", "https://kc.example/realms/r/protocol/saml/descriptor")
                .add("singleSignOnServiceBinding", SamlIdpSettings.REDIRECT),
            url -> {
              assertEquals("https://kc.example/realms/r/protocol/saml/descriptor", url);
              return metadata.getBytes(StandardCharsets.UTF_8);
            });
    assertEquals("https://kc.example/realms/r", fetched.entityId());
    assertEquals(SamlIdpSettings.REDIRECT, fetched.ssoBinding(), "the given field wins");

    refused(
        Json.createObjectBuilder().add("metadata", metadata).add("metadataUrl", "https://x/"),
        ErrorCode.INVALID_PARAMETER_VALUE,
        "metadataUrl");
  }
}
