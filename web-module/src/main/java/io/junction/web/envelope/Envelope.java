package io.junction.web.envelope;

import io.junction.api.ErrorCode;
import io.junction.web.i18n.Messages;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.core.Response;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The one writer of the Gigya response envelope, in JSON and XML. Data fields come first, then
 * {@code statusCode}, {@code errorCode}, {@code errorMessage}/{@code errorDetails} on errors,
 * {@code statusReason}, {@code callId}, {@code time} and the echoed {@code context}.
 *
 * <p>Values may be strings, numbers, booleans, maps (objects) and collections (arrays); nulls are
 * left out, as Gigya leaves out fields that hold no data. In XML an object becomes an element per
 * key and an array an element holding one {@code <item>} per entry.
 */
public final class Envelope {

  private static final String GIGYA_NS = "urn:com:gigya:api";
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final JsonGeneratorFactory JSON = Json.createGeneratorFactory(Map.of());
  private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

  private Envelope() {}

  /** A successful answer carrying {@code data}. */
  public static Response ok(ApiCall call, Map<String, ?> data) {
    return build(call, ErrorCode.OK, null, data, 200);
  }

  /** An error answer. The HTTP status is 200 unless the caller asked for real status codes. */
  public static Response error(ApiCall call, GigyaException e) {
    return build(call, e.code(), e.details(), e.data(), e.httpStatus());
  }

  /** The envelope's fields as a map, for answers that travel in a redirect URL. */
  public static Map<String, String> redirectFields(ApiCall call, ErrorCode code, String details) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("errorCode", Integer.toString(code.code()));
    if (code != ErrorCode.OK) {
      out.put("errorMessage", Messages.message(code, call.lang()));
      if (details != null) {
        out.put("errorDetails", details);
      }
    }
    out.put("statusCode", Integer.toString(code.statusCode()));
    out.put("statusReason", code.statusReason());
    out.put("callId", call.callId());
    out.put("time", TIME.format(Instant.now()));
    return out;
  }

  /**
   * The body of an error answer, as {@link #error} writes it, for answers written outside JAX-RS
   * (the servlet container's error pages).
   */
  public static String errorBody(ApiCall call, GigyaException e) {
    return body(call, e.code(), e.details(), e.data());
  }

  private static Response build(
      ApiCall call, ErrorCode code, String details, Map<String, ?> data, int httpStatus) {
    int status = call.httpStatusCodes() ? httpStatus : 200;
    return Response.status(status)
        .type(call.format().mediaType())
        .entity(body(call, code, details, data))
        .build();
  }

  private static String body(ApiCall call, ErrorCode code, String details, Map<String, ?> data) {
    Map<String, Object> fields = new LinkedHashMap<>(data);
    fields.put("statusCode", code.statusCode());
    fields.put("errorCode", code.code());
    if (code != ErrorCode.OK) {
      fields.put("errorMessage", Messages.message(code, call.lang()));
      fields.put("errorDetails", details);
    }
    fields.put("statusReason", code.statusReason());
    fields.put("callId", call.callId());
    fields.put("time", TIME.format(Instant.now()));
    fields.put("apiVersion", 2);
    fields.put("context", call.context());

    return call.format() == ResponseFormat.XML ? xml(rootName(call), fields) : json(fields);
  }

  static String rootName(ApiCall call) {
    return (call.method().isEmpty() ? "junction" : call.method()) + "Response";
  }

  static String json(Map<String, ?> fields) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      writeJsonFields(g, fields);
      g.writeEnd();
    }
    return out.toString();
  }

  private static void writeJsonFields(JsonGenerator g, Map<String, ?> fields) {
    for (Map.Entry<String, ?> e : fields.entrySet()) {
      Object v = e.getValue();
      if (v == null) {
        continue;
      }
      g.writeKey(e.getKey());
      writeJsonValue(g, v);
    }
  }

  private static void writeJsonValue(JsonGenerator g, Object v) {
    if (v instanceof String s) {
      g.write(s);
    } else if (v instanceof Boolean b) {
      g.write(b);
    } else if (v instanceof Integer i) {
      g.write(i);
    } else if (v instanceof Long l) {
      g.write(l);
    } else if (v instanceof Number n) {
      g.write(n.doubleValue());
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (e.getValue() != null) {
          g.writeKey(String.valueOf(e.getKey()));
          writeJsonValue(g, e.getValue());
        }
      }
      g.writeEnd();
    } else if (v instanceof Collection<?> c) {
      g.writeStartArray();
      for (Object item : c) {
        if (item == null) {
          g.writeNull();
        } else {
          writeJsonValue(g, item);
        }
      }
      g.writeEnd();
    } else {
      g.write(String.valueOf(v));
    }
  }

  static String xml(String root, Map<String, ?> fields) {
    StringWriter out = new StringWriter(512);
    try {
      XMLStreamWriter w = XML.createXMLStreamWriter(out);
      w.writeStartDocument("utf-8", "1.0");
      w.writeStartElement(XmlText.name(root));
      w.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
      w.writeAttribute(
          "xsi",
          "http://www.w3.org/2001/XMLSchema-instance",
          "schemaLocation",
          GIGYA_NS + " http://socialize.gigya.com/schema");
      w.writeDefaultNamespace(GIGYA_NS);
      for (Map.Entry<String, ?> e : fields.entrySet()) {
        writeXmlValue(w, e.getKey(), e.getValue());
      }
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Cannot write the XML envelope", e);
    }
    return out.toString();
  }

  private static void writeXmlValue(XMLStreamWriter w, String name, Object v)
      throws XMLStreamException {
    if (v == null) {
      return;
    }
    w.writeStartElement(XmlText.name(name));
    if (v instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        writeXmlValue(w, String.valueOf(e.getKey()), e.getValue());
      }
    } else if (v instanceof Collection<?> c) {
      for (Object item : c) {
        writeXmlValue(w, "item", item);
      }
    } else {
      writeXmlText(w, String.valueOf(v));
    }
    w.writeEndElement();
  }

  /**
   * Text as XML 1.0 can carry it, whatever the input: a carriage return travels as a character
   * reference (a parser would otherwise turn it into a line feed), and a character XML cannot hold
   * at all (other control characters, U+FFFE, U+FFFF, a lone surrogate) becomes U+FFFD. Input
   * parameters holding such characters are refused before they get here ({@link XmlText}); this
   * guards everything else.
   */
  private static void writeXmlText(XMLStreamWriter w, String text) throws XMLStreamException {
    int start = 0;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      int len = Character.charCount(cp);
      boolean surrogate = len == 1 && Character.isSurrogate(text.charAt(i));
      if (cp == '\r' || surrogate || !XmlText.allowed(cp)) {
        if (i > start) {
          w.writeCharacters(text.substring(start, i));
        }
        if (cp == '\r') {
          w.writeEntityRef("#13");
        } else {
          w.writeCharacters("\uFFFD");
        }
        start = i + len;
      }
      i += len;
    }
    if (start < text.length()) {
      w.writeCharacters(start == 0 ? text : text.substring(start));
    }
  }
}
