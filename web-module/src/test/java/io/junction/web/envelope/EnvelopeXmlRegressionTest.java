package io.junction.web.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Inputs on which the XML envelope is not well-formed XML, found by {@link EnvelopeXmlFuzzTest}.
 * Both reach a client: {@code context} is echoed as it came ({@code ?format=xml&context=%01}), and
 * an unknown method name is answered under its own name ({@code /1a.b?format=xml}).
 */
class EnvelopeXmlRegressionTest {

  @Test
  void aControlCharacterInAValueStillGivesWellFormedXml() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("errorCode", 0);
    fields.put("context", "a\u0001b");
    Document doc = WellFormedXml.parse(Envelope.xml("socialize.getUserInfoResponse", fields));
    assertEquals("socialize.getUserInfoResponse", doc.getDocumentElement().getLocalName());
  }

  @Test
  void aMethodNameBeginningWithADigitStillGivesWellFormedXml() {
    ApiCall call = new ApiCall();
    call.method("1a.b");
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("errorCode", 405001);
    Document doc = WellFormedXml.parse(Envelope.xml(Envelope.rootName(call), fields));
    assertEquals("urn:com:gigya:api", doc.getDocumentElement().getNamespaceURI());
  }
}
