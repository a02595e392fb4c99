package io.junction.web.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.junction.api.ErrorCode;
import io.junction.web.envelope.GigyaException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Whatever arrives at the assertion consumer or single logout service, and whatever metadata an
 * administrator gives: a Gigya refusal (or {@link SamlXml.Invalid} for metadata), never another
 * exception; and a signed response changed anywhere is either refused or still says exactly what
 * its signer said.
 */
class SamlFuzzTest {

  static final TestIdp IDP = SamlResponseValidatorTest.IDP;
  static final SamlCertificates.SpKeyPair SP_KEY = SamlDecryptionTest.SP_KEY;
  static final String SLO = "https://junction.example/saml/v2.0/3_k/sp/slo";

  /** Any document as the SAMLResponse (Base64 of the input), with the site's decryption key. */
  @FuzzTest
  @DictionaryEntries({
    "<samlp:Response xmlns:samlp='urn:oasis:names:tc:SAML:2.0:protocol'",
    " xmlns:saml='urn:oasis:names:tc:SAML:2.0:assertion'",
    "<saml:Assertion",
    "<saml:EncryptedAssertion>",
    "<xenc:EncryptedData xmlns:xenc='http://www.w3.org/2001/04/xmlenc#'>",
    "<ds:Signature xmlns:ds='http://www.w3.org/2000/09/xmldsig#'>",
    " Version='2.0'",
    " ID='_a'",
    "<!DOCTYPE"
  })
  void anyResponse(byte[] input) {
    validate(Base64.getEncoder().encodeToString(input));
    // And the input as the posted parameter itself (not Base64, Base64 of anything).
    validate(new String(input, StandardCharsets.UTF_8));
  }

  /** Any query string at the single logout service, and any posted logout message. */
  @FuzzTest
  @DictionaryEntries({
    "SAMLRequest=",
    "SAMLResponse=",
    "&RelayState=",
    "&SigAlg=",
    "&Signature=",
    "%"
  })
  void anyLogoutQuery(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    List<SamlLogout.Idp> idps =
        List.of(new SamlLogout.Idp("saml-corp", IDP.entityId, List.of(IDP.certificate)));
    try {
      SamlLogout.Incoming in = SamlLogout.fromRedirect(text);
      if (in.request()) {
        SamlLogout.validateRequest(in, SLO, idps, Instant.now());
      } else {
        SamlLogout.validateResponse(in, SLO, idps, Instant.now());
      }
    } catch (GigyaException e) {
      assertRefusal(e);
    }
    try {
      SamlLogout.validateRequest(
          SamlLogout.fromPost(Base64.getEncoder().encodeToString(input), null, null),
          SLO,
          idps,
          Instant.now());
    } catch (GigyaException e) {
      assertRefusal(e);
    }
  }

  /** Any metadata: a descriptor, or {@link SamlXml.Invalid}. */
  @FuzzTest
  @DictionaryEntries({
    "<md:EntityDescriptor xmlns:md='urn:oasis:names:tc:SAML:2.0:metadata' entityID='x'>",
    "<md:IDPSSODescriptor>",
    "<md:KeyDescriptor>",
    "<md:EntitiesDescriptor xmlns:md='urn:oasis:names:tc:SAML:2.0:metadata'>"
  })
  void anyMetadata(byte[] input) {
    try {
      assertNotNull(SamlMetadata.readIdp(input).certificates());
    } catch (SamlXml.Invalid e) {
      assertNotNull(e.getMessage());
    }
  }

  /**
   * A fresh signed (and sometimes encrypted) response, changed at fuzzed places: refused, or
   * accepted saying what the IdP signed.
   */
  @FuzzTest
  void mutatedSignedResponse(FuzzedDataProvider data) {
    TestIdp.Spec s = SamlResponseValidatorTest.spec();
    s.signResponse = data.consumeBoolean();
    String response = data.consumeBoolean() ? SamlDecryptionTest.encrypted(s) : IDP.response(s);
    byte[] xml = Base64.getDecoder().decode(response);
    int changes = data.consumeInt(1, 4);
    for (int i = 0; i < changes && xml.length > 0; i++) {
      int at = data.consumeInt(0, xml.length - 1);
      xml[at] = data.consumeByte();
    }
    SamlAssertion a;
    try {
      a =
          SamlResponseValidator.validate(
              Base64.getEncoder().encodeToString(xml),
              SamlResponseValidatorTest.expected(),
              SP_KEY.privateKey());
    } catch (GigyaException e) {
      assertRefusal(e);
      return;
    }
    assertEquals(s.assertionId, a.id());
    assertEquals(s.nameId, a.nameId());
    assertEquals(List.of("alice@example.test"), a.attributes().get("email"));
    assertEquals(List.of("staff", "admin"), a.attributes().get("Role"));
  }

  private static void validate(String samlResponse) {
    try {
      SamlResponseValidator.validate(
          samlResponse, SamlResponseValidatorTest.expected(), SP_KEY.privateKey());
    } catch (GigyaException e) {
      assertRefusal(e);
    }
  }

  /** A refusal of the input: a 4xx Gigya error, or the IdP's own status (500023). */
  private static void assertRefusal(GigyaException e) {
    assertNotNull(e.details());
    int code = e.code().code();
    assertNotEquals(ErrorCode.OK, e.code());
    if (code >= 500000) {
      assertEquals(ErrorCode.PROVIDER_ERROR, e.code(), e.getMessage());
    }
  }
}
