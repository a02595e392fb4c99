package io.junction.web.saml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads and writes SAML's XML. The reader is the JDK's own DOM parser, hardened: namespace aware,
 * no DOCTYPE at all (so no entity of any kind, internal or external), no external DTD or schema, no
 * XInclude, secure processing limits; anything else is {@link Invalid}.
 */
public final class SamlXml {

  /** The SAML 2.0 assertion namespace. */
  public static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";

  /** The SAML 2.0 protocol namespace. */
  public static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";

  /** The SAML 2.0 metadata namespace. */
  public static final String METADATA = "urn:oasis:names:tc:SAML:2.0:metadata";

  /** The XML signature namespace. */
  public static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

  /** The largest document read: a SAML message or an IdP's metadata. */
  public static final int MAX_BYTES = 512 * 1024;

  /** A document that is not one this reader accepts. */
  public static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Invalid(String message) {
      super(message);
    }
  }

  private SamlXml() {}

  /** Parses a document; {@link Invalid} for anything malformed, too large or with a DOCTYPE. */
  public static Document parse(byte[] xml) {
    if (xml.length > MAX_BYTES) {
      throw new Invalid("larger than " + MAX_BYTES + " bytes");
    }
    try {
      DocumentBuilder builder = factory().newDocumentBuilder();
      builder.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("external entities are refused");
          });
      builder.setErrorHandler(
          new DefaultHandler() {
            @Override
            public void warning(SAXParseException e) {}

            @Override
            public void error(SAXParseException e) throws SAXException {
              throw e;
            }
          });
      return builder.parse(new InputSource(new ByteArrayInputStream(xml)));
    } catch (SAXException e) {
      throw new Invalid("not well-formed XML, or with a DOCTYPE: " + clip(e.getMessage()));
    } catch (IOException | ParserConfigurationException e) {
      throw new Invalid("unreadable XML");
    }
  }

  private static DocumentBuilderFactory factory() throws ParserConfigurationException {
    // The JDK's own implementation, whatever the server puts on the class path.
    DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    return f;
  }

  /** A new empty, namespace-aware document to write into. */
  public static Document newDocument() {
    try {
      return factory().newDocumentBuilder().newDocument();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser cannot be configured", e);
    }
  }

  /** The document as text, UTF-8, without an XML declaration. */
  public static String write(Node node) {
    try {
      TransformerFactory tf = TransformerFactory.newDefaultInstance();
      tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      Transformer t = tf.newTransformer();
      t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      StringWriter out = new StringWriter();
      t.transform(new DOMSource(node), new StreamResult(out));
      return out.toString();
    } catch (TransformerException e) {
      throw new IllegalStateException("cannot write XML", e);
    }
  }

  /** The element children of {@code parent} with that namespace and local name, in order. */
  public static List<Element> children(Element parent, String namespace, String localName) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e
          && namespace.equals(e.getNamespaceURI())
          && localName.equals(e.getLocalName())) {
        found.add(e);
      }
    }
    return found;
  }

  /** The one child of that name, or null when there is none; {@link Invalid} when several. */
  public static Element child(Element parent, String namespace, String localName) {
    List<Element> found = children(parent, namespace, localName);
    if (found.size() > 1) {
      throw new Invalid("more than one " + localName + " in " + parent.getLocalName());
    }
    return found.isEmpty() ? null : found.get(0);
  }

  /** The trimmed text of an element, or null for a null element or an empty text. */
  public static String text(Element e) {
    if (e == null) {
      return null;
    }
    String t = e.getTextContent().trim();
    return t.isEmpty() ? null : t;
  }

  /** An attribute holding a UTC date-time (xs:dateTime), or null when absent. */
  static java.time.Instant instant(Element e, String attribute) {
    String v = attribute(e, attribute);
    if (v == null) {
      return null;
    }
    try {
      return java.time.Instant.parse(v);
    } catch (java.time.format.DateTimeParseException ex) {
      throw new Invalid(attribute + " is not a UTC date-time");
    }
  }

  /** An attribute without namespace, or null when absent or empty. */
  public static String attribute(Element e, String name) {
    if (e == null || !e.hasAttributeNS(null, name)) {
      return null;
    }
    String v = e.getAttributeNS(null, name).trim();
    return v.isEmpty() ? null : v;
  }

  private static String clip(String s) {
    if (s == null) {
      return "";
    }
    return s.length() > 160 ? s.substring(0, 160) : s;
  }
}
