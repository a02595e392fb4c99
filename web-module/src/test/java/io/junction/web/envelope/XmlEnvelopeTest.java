package io.junction.web.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.ErrorCode;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class XmlEnvelopeTest {

  /** A parser as strict as a careful client's: no DTD, no external anything. */
  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    DocumentBuilder b = f.newDocumentBuilder();
    b.setErrorHandler(null);
    return b.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  /** What a value becomes in XML: characters XML cannot carry are U+FFFD, the rest is kept. */
  private static String expected(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      out.appendCodePoint(XmlText.allowed(cp) ? cp : 0xFFFD);
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  private static String randomText(Random r, int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      switch (r.nextInt(6)) {
        case 0 -> s.append((char) r.nextInt(0x20)); // C0 controls, tab, CR, LF
        case 1 -> s.append((char) (0xD800 + r.nextInt(0x800))); // surrogates, paired or not
        case 2 -> s.append(r.nextBoolean() ? '\uFFFE' : '\uFFFF');
        case 3 -> s.append("<>&\"']]>".charAt(r.nextInt(8)));
        case 4 -> s.appendCodePoint(0x10000 + r.nextInt(0x100000)); // supplementary, paired
        default -> s.append((char) r.nextInt(0x10000));
      }
    }
    return s.toString();
  }

  @Test
  void randomValuesAndNamesAlwaysGiveWellFormedXmlHoldingTheValue() throws Exception {
    Random r = new Random(20261130L);
    for (int round = 0; round < 2000; round++) {
      String value = randomText(r, r.nextInt(40));
      String key = randomText(r, 1 + r.nextInt(8));
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("value", value);
      fields.put(key, List.of(value, Map.of(key, value)));
      fields.put("context", value);
      String xml = Envelope.xml(randomText(r, 6) + "Response", fields);
      Document doc;
      try {
        doc = parse(xml);
      } catch (Exception e) {
        throw new AssertionError("not well-formed for " + XmlText.printable(value) + ": " + xml, e);
      }
      assertEquals(
          expected(value),
          doc.getDocumentElement().getElementsByTagNameNS("*", "value").item(0).getTextContent(),
          XmlText.printable(value));
      assertEquals(
          expected(value),
          doc.getDocumentElement().getElementsByTagNameNS("*", "context").item(0).getTextContent());
    }
  }

  @Test
  void aCarriageReturnSurvivesAsACharacterReference() throws Exception {
    String xml = Envelope.xml("r", Map.of("context", "a\r\nb\tc"));
    assertTrue(xml.contains("<context>a&#13;\nb\tc</context>"), xml);
    assertEquals(
        "a\r\nb\tc",
        parse(xml)
            .getDocumentElement()
            .getElementsByTagNameNS("*", "context")
            .item(0)
            .getTextContent());
  }

  @Test
  void namesAreMadeOfWhatEveryParserAccepts() {
    assertEquals("socialize.getUserInfoResponse", XmlText.name("socialize.getUserInfoResponse"));
    assertEquals("_1a", XmlText.name("1a"));
    assertEquals("_", XmlText.name(""));
    assertEquals("a_b_c", XmlText.name("a b:c"));
    assertEquals("_x", XmlText.name("$x"));
  }

  @Test
  void whatXmlCanCarry() {
    assertTrue(XmlText.holdable("tab\tlf\ncr\r é \uD83D\uDE00 \uFFFD"));
    for (String bad :
        List.of("a\u0000", "\u0001", "\u001F", "\uFFFE", "\uFFFF", "\uD800", "x\uDC00y")) {
      assertFalse(XmlText.holdable(bad), XmlText.printable(bad));
    }
    assertEquals("a\\u0001b\\uD800", XmlText.printable("a\u0001b\uD800"));
  }

  @Test
  void parametersXmlCannotCarryAreRefusedNamingTheParameter() {
    var params = new MultivaluedHashMap<String, String>();
    params.add("context", "fine\r\n\tline");
    params.add("UID", "u1");
    ApiCallFilter.refuseUnwritableText(params);
    for (String bad : List.of("a\u0001", "\uFFFF", "\uD800", "\u0000")) {
      var p = new MultivaluedHashMap<String, String>();
      p.add("context", bad);
      GigyaException e =
          assertThrows(GigyaException.class, () -> ApiCallFilter.refuseUnwritableText(p));
      assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, e.code());
      assertTrue(e.details().contains("context"), e.details());
    }
    var p = new MultivaluedHashMap<String, String>();
    p.add("na\u0002me", "v");
    GigyaException e =
        assertThrows(GigyaException.class, () -> ApiCallFilter.refuseUnwritableText(p));
    assertTrue(e.details().contains("na\\u0002me"), e.details());
  }

  @Test
  void onlyIdentityContentEncodingIsTaken() {
    ApiCallFilter.refuseContentEncoding(null);
    ApiCallFilter.refuseContentEncoding("identity");
    for (String coding : List.of("gzip", "deflate", "br", "identity, gzip", "x-gzip")) {
      GigyaException e =
          assertThrows(GigyaException.class, () -> ApiCallFilter.refuseContentEncoding(coding));
      assertEquals(ErrorCode.INVALID_REQUEST_FORMAT, e.code());
      assertEquals(415, e.httpStatus());
    }
  }
}
