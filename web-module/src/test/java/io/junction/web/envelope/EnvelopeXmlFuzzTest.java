package io.junction.web.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The XML envelope ({@code format=xml}) is well-formed XML whatever the strings it carries (the
 * echoed context, error details, profile fields from providers) and whatever method name the path
 * gave: its root is the method's Response element in Gigya's namespace, and each string reads back
 * as it was (line ends normalised, as XML does).
 *
 * <p>An input is the method name (first line), then one value a line.
 */
class EnvelopeXmlFuzzTest {

  /** The method names {@link ApiCallFilter} lets through. */
  private static final Pattern METHOD = Pattern.compile("[A-Za-z0-9_]+\\.[A-Za-z0-9_]+");

  /** Characters XML 1.0 has no way to carry, escaped or not. */
  private static final Pattern NOT_XML =
      Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

  private static final String[] KEYS = {"UID", "nickname", "email", "errorDetails", "context"};

  @FuzzTest
  void xml(byte[] input) {
    String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", -1);
    String method = METHOD.matcher(lines[0]).matches() ? lines[0] : "";
    List<String> values = new ArrayList<>(List.of(lines).subList(1, lines.length));
    ApiCall call = new ApiCall();
    call.method(method);
    String root = Envelope.rootName(call);

    Map<String, Object> fields = new LinkedHashMap<>();
    Map<String, String> expected = new LinkedHashMap<>();
    for (int i = 0; i < values.size() && i < KEYS.length; i++) {
      fields.put(KEYS[i], values.get(i));
      expected.put(KEYS[i], values.get(i));
    }
    List<Object> identities = new ArrayList<>();
    for (int i = KEYS.length; i < values.size(); i++) {
      Map<String, Object> identity = new LinkedHashMap<>();
      identity.put("provider", "odnoklassniki");
      identity.put("nickname", values.get(i));
      identity.put("photoURL", null);
      identities.add(identity);
    }
    fields.put("identities", identities);
    fields.put("statusCode", 400);
    fields.put("errorCode", 400006);
    fields.put("isConnected", false);
    fields.put("callId", ApiCall.newCallId());

    String xml = Envelope.xml(root, fields);
    Document doc = WellFormedXml.parse(xml);
    Element top = doc.getDocumentElement();
    assertEquals(root, top.getLocalName(), xml);
    assertEquals("urn:com:gigya:api", top.getNamespaceURI(), xml);
    for (Map.Entry<String, String> e : expected.entrySet()) {
      Node element = top.getElementsByTagNameNS("urn:com:gigya:api", e.getKey()).item(0);
      assertEquals(asXmlReadsIt(e.getValue()), element.getTextContent(), xml);
    }
    assertEquals(
        identities.size(),
        top.getElementsByTagNameNS("urn:com:gigya:api", "identities")
            .item(0)
            .getChildNodes()
            .getLength(),
        xml);
  }

  /**
   * How a value reads back: whole (a carriage return travels as a character reference), but for
   * what XML 1.0 cannot carry, which the writer replaces with U+FFFD.
   */
  private static String asXmlReadsIt(String s) {
    return NOT_XML.matcher(s).replaceAll("\uFFFD");
  }
}
