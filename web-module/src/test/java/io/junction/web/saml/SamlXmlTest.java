package io.junction.web.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class SamlXmlTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aNamespacedDocumentIsRead() {
    Document d =
        SamlXml.parse(
            utf8(
                "<samlp:Response xmlns:samlp='"
                    + SamlXml.PROTOCOL
                    + "' ID='_1'><x/></samlp:Response>"));
    assertEquals(SamlXml.PROTOCOL, d.getDocumentElement().getNamespaceURI());
    assertEquals("Response", d.getDocumentElement().getLocalName());
    assertEquals("_1", SamlXml.attribute(d.getDocumentElement(), "ID"));
  }

  @Test
  void anExternalEntityIsNeverRead(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET");
    String xxe =
        "<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x SYSTEM '" + secret.toUri() + "'>]><r>&x;</r>";
    SamlXml.Invalid e = assertThrows(SamlXml.Invalid.class, () -> SamlXml.parse(utf8(xxe)));
    assertTrue(!e.getMessage().contains("TOP-SECRET"), e.getMessage());
  }

  @Test
  void anyDoctypeIsRefusedEvenWithoutEntities() {
    assertThrows(SamlXml.Invalid.class, () -> SamlXml.parse(utf8("<!DOCTYPE r><r/>")));
    String billionLaughs =
        "<!DOCTYPE r [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;'>]><r>&b;</r>";
    assertThrows(SamlXml.Invalid.class, () -> SamlXml.parse(utf8(billionLaughs)));
  }

  @Test
  void malformedOrOversizedDocumentsAreRefused() {
    assertThrows(SamlXml.Invalid.class, () -> SamlXml.parse(utf8("<r>")));
    assertThrows(SamlXml.Invalid.class, () -> SamlXml.parse(utf8("")));
    assertThrows(SamlXml.Invalid.class, () -> SamlXml.parse(new byte[SamlXml.MAX_BYTES + 1]));
  }

  @Test
  void childLooksOnlyAtDirectChildrenAndRefusesTwo() {
    Document d =
        SamlXml.parse(
            utf8(
                "<r xmlns:a='"
                    + SamlXml.ASSERTION
                    + "'><a:Issuer> one </a:Issuer><w><a:Subject/></w></r>"));
    assertEquals(
        "one", SamlXml.text(SamlXml.child(d.getDocumentElement(), SamlXml.ASSERTION, "Issuer")));
    assertEquals(null, SamlXml.child(d.getDocumentElement(), SamlXml.ASSERTION, "Subject"));
    Document two =
        SamlXml.parse(utf8("<r xmlns:a='" + SamlXml.ASSERTION + "'><a:Issuer/><a:Issuer/></r>"));
    assertThrows(
        SamlXml.Invalid.class,
        () -> SamlXml.child(two.getDocumentElement(), SamlXml.ASSERTION, "Issuer"));
  }
}
