package io.junction.web.saml;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.junction.web.envelope.GigyaException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * What a browser posts to the assertion consumer service and what an identity provider's metadata
 * URL answers are outside input. Whatever the bytes: a SAMLResponse is refused with a Gigya client
 * error (never a server error, never accepted: nobody but the identity provider holds its key, and
 * the fuzzer is not it), and metadata is read into a descriptor or refused as invalid.
 */
class SamlMessagesFuzzTest {

  private static final TestIdp IDP = new TestIdp("https://idp.example/realms/corp");

  /** The words SAML messages are made of. */
  @DictionaryEntries({
    "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\"",
    "<saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"",
    "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">",
    "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"",
    "<md:IDPSSODescriptor",
    "<md:SingleSignOnService",
    "<ds:X509Certificate>",
    "<saml:Issuer>",
    "<saml:Subject>",
    "<saml:NameID>",
    "<saml:Conditions",
    "<samlp:Status>",
    " ID=\"",
    " InResponseTo=\"_req-123\"",
    " Destination=\"https://junction.example/saml/v2.0/3_k/sp/acs\"",
    "https://idp.example/realms/corp",
    "<!DOCTYPE",
    "<!ENTITY"
  })
  @FuzzTest
  void response(byte[] input) {
    // The first byte chooses: the rest as the posted Base64 text itself, or as the XML it encodes.
    byte[] rest = input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);
    String posted =
        input.length > 0 && (input[0] & 1) == 1
            ? new String(rest, StandardCharsets.ISO_8859_1)
            : Base64.getEncoder().encodeToString(rest);
    SamlResponseValidator.Expected expected =
        new SamlResponseValidator.Expected(
            "https://junction.example/saml/v2.0/3_k/sp/acs",
            "https://junction.example/saml/v2.0/3_k/sp/metadata",
            IDP.entityId,
            List.of(IDP.certificate),
            "_req-123",
            false,
            Instant.now());
    try {
      SamlResponseValidator.validate(posted, expected);
      fail("accepted a response the identity provider did not sign");
    } catch (GigyaException e) {
      assertTrue(e.code().statusCode() < 500, e.code() + " " + e.details());
      assertNotNull(e.details());
    }
  }

  @DictionaryEntries({
    "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"",
    "<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\">",
    "<md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">",
    "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\"",
    "<md:SingleLogoutService",
    "<md:KeyDescriptor use=\"signing\">",
    "<ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:X509Data><ds:X509Certificate>",
    "<md:NameIDFormat>",
    " Location=\"",
    " entityID=\"",
    "<!DOCTYPE"
  })
  @FuzzTest
  void metadata(byte[] input) {
    SamlMetadata.IdpDescriptor idp;
    try {
      idp = SamlMetadata.readIdp(input);
    } catch (SamlXml.Invalid refused) {
      assertNotNull(refused.getMessage());
      return;
    }
    assertNotNull(idp.certificates());
    String text = new String(input, StandardCharsets.UTF_8);
    assertTrue(!text.contains("<!DOCTYPE"), "a document with a DOCTYPE was read");
  }
}
