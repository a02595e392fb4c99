package io.junction.web.saml;

import io.junction.api.ErrorCode;
import io.junction.web.envelope.GigyaException;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.xml.crypto.dsig.SignatureMethod;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Single logout messages of a site's service provider (SAML profiles 4.4): reading an identity
 * provider's LogoutRequest or LogoutResponse, by the HTTP-Redirect binding (DEFLATE, the signature
 * over the raw query string) or HTTP-POST (an enveloped signature), and checking it as an assertion
 * is checked; writing the service provider's own, signed, by the HTTP-Redirect binding. Every
 * refusal is a {@link GigyaException}:
 *
 * <ul>
 *   <li>409015 no SAMLRequest or SAMLResponse; 400006 one that is not Base64 (and DEFLATE) of a
 *       well-formed logout message without DOCTYPE; 400096 an encrypted NameID;
 *   <li>403017 an Issuer that is none of the site's identity providers;
 *   <li>403003 a message that is not signed, or whose signature does not verify with that identity
 *       provider's pinned certificate, or uses SHA-1;
 *   <li>403000 a Destination other than this service provider's single logout service;
 *   <li>403002 an IssueInstant older than {@link #MAX_AGE} (or ahead, beyond the skew), or a
 *       NotOnOrAfter passed.
 * </ul>
 *
 * Replay (the message's ID seen before) is the caller's check.
 */
public final class SamlLogout {

  /** How old a logout message may be. */
  public static final Duration MAX_AGE = Duration.ofMinutes(5);

  static final String REQUEST = "SAMLRequest";
  static final String RESPONSE = "SAMLResponse";
  static final String SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";

  /** Redirect-binding signature algorithms and their JCA names; SHA-1 is not among them. */
  private static final Map<String, String> SIG_ALGS =
      Map.of(
          SignatureMethod.RSA_SHA256, "SHA256withRSA",
          SignatureMethod.RSA_SHA384, "SHA384withRSA",
          SignatureMethod.RSA_SHA512, "SHA512withRSA",
          SignatureMethod.ECDSA_SHA256, "SHA256withECDSA",
          SignatureMethod.ECDSA_SHA384, "SHA384withECDSA",
          SignatureMethod.ECDSA_SHA512, "SHA512withECDSA");

  private SamlLogout() {}

  /**
   * A logout message as it arrived.
   *
   * @param parameter {@code SAMLRequest} or {@code SAMLResponse}
   * @param xml the message's document, decoded
   * @param signedQuery by the HTTP-Redirect binding, the octets its signature covers; else null
   * @param sigAlg by the HTTP-Redirect binding, the signature algorithm; else null
   * @param signature by the HTTP-Redirect binding, the signature; else null
   */
  public record Incoming(
      String parameter,
      byte[] xml,
      String signedQuery,
      String sigAlg,
      byte[] signature,
      String relayState) {

    public boolean request() {
      return REQUEST.equals(parameter);
    }
  }

  /** An identity provider of the site that may send logout messages. */
  public record Idp(String provider, String entityId, List<X509Certificate> certificates) {}

  /** A verified LogoutRequest: whose sessions to end. */
  public record Request(
      String provider,
      String issuer,
      String id,
      String nameId,
      List<String> sessionIndexes,
      Instant keepUntil,
      String relayState) {}

  /** A verified LogoutResponse. */
  public record Response(
      String provider,
      String issuer,
      String id,
      String inResponseTo,
      String status,
      Instant keepUntil) {

    public boolean success() {
      return SUCCESS.equals(status);
    }
  }

  /**
   * A message by the HTTP-Redirect binding, from the raw query string (its values still
   * URL-encoded, as the signature covers them).
   */
  public static Incoming fromRedirect(String rawQuery) {
    Map<String, String> raw = new LinkedHashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        if (raw.put(name, eq < 0 ? "" : pair.substring(eq + 1)) != null) {
          throw GigyaException.invalid(decode(name), "given twice");
        }
      }
    }
    String parameter = raw.containsKey(REQUEST) ? REQUEST : RESPONSE;
    if (raw.containsKey(REQUEST) && raw.containsKey(RESPONSE)) {
      throw GigyaException.invalid(RESPONSE, "a message is a request or a response, not both");
    }
    String message = raw.get(parameter);
    if (message == null || message.isEmpty()) {
      throw new GigyaException(
          ErrorCode.SAML_MESSAGE_NOT_FOUND, "No SAMLRequest or SAMLResponse was sent");
    }
    byte[] xml = inflate(parameter, base64(parameter, decode(message)));
    StringBuilder signed = new StringBuilder(parameter).append('=').append(message);
    if (raw.containsKey("RelayState")) {
      signed.append("&RelayState=").append(raw.get("RelayState"));
    }
    String sigAlg = raw.get("SigAlg");
    String signature = raw.get("Signature");
    if (sigAlg != null) {
      signed.append("&SigAlg=").append(sigAlg);
    }
    return new Incoming(
        parameter,
        xml,
        signed.toString(),
        sigAlg == null ? null : decode(sigAlg),
        signature == null ? null : base64("Signature", decode(signature)),
        raw.containsKey("RelayState") ? decode(raw.get("RelayState")) : null);
  }

  /** A message by the HTTP-POST binding: Base64 of the document, its signature enveloped. */
  public static Incoming fromPost(String request, String response, String relayState) {
    if (request != null && response != null) {
      throw GigyaException.invalid(RESPONSE, "a message is a request or a response, not both");
    }
    String parameter = request != null ? REQUEST : RESPONSE;
    String message = request != null ? request : response;
    if (message == null || message.isBlank()) {
      throw new GigyaException(
          ErrorCode.SAML_MESSAGE_NOT_FOUND, "No SAMLRequest or SAMLResponse was posted");
    }
    return new Incoming(parameter, base64(parameter, message.trim()), null, null, null, relayState);
  }

  /** A LogoutRequest from one of {@code idps}, every check passed, with the default skew. */
  public static Request validateRequest(Incoming in, String sloUrl, List<Idp> idps, Instant now) {
    return validateRequest(in, sloUrl, idps, now, SamlResponseValidator.DEFAULT_SKEW);
  }

  /**
   * A LogoutRequest from one of {@code idps}, every check passed, {@code skew} the clock difference
   * tolerated.
   */
  public static Request validateRequest(
      Incoming in, String sloUrl, List<Idp> idps, Instant now, Duration skew) {
    if (!in.request()) {
      throw GigyaException.invalid(RESPONSE, "a LogoutRequest was expected");
    }
    try {
      Checked c = check(in, "LogoutRequest", sloUrl, idps, now, skew);
      Instant notOnOrAfter = SamlXml.instant(c.root, "NotOnOrAfter");
      if (notOnOrAfter != null && !now.minus(skew).isBefore(notOnOrAfter)) {
        throw new GigyaException(ErrorCode.REQUEST_HAS_EXPIRED, "The LogoutRequest has expired");
      }
      if (SamlXml.child(c.root, SamlXml.ASSERTION, "EncryptedID") != null) {
        throw new GigyaException(
            ErrorCode.NOT_SUPPORTED, "An encrypted NameID in a LogoutRequest is not supported");
      }
      String nameId = SamlXml.text(SamlXml.child(c.root, SamlXml.ASSERTION, "NameID"));
      if (nameId == null) {
        throw new SamlXml.Invalid("the LogoutRequest has no NameID");
      }
      List<String> indexes = new ArrayList<>();
      for (Element e : SamlXml.children(c.root, SamlXml.PROTOCOL, "SessionIndex")) {
        String t = SamlXml.text(e);
        if (t != null) {
          indexes.add(t);
        }
      }
      return new Request(
          c.idp.provider(), c.idp.entityId(), c.id, nameId, indexes, c.keepUntil, in.relayState());
    } catch (SamlXml.Invalid e) {
      throw GigyaException.invalid(in.parameter(), e.getMessage());
    }
  }

  /** A LogoutResponse from one of {@code idps}, every check passed, with the default skew. */
  public static Response validateResponse(Incoming in, String sloUrl, List<Idp> idps, Instant now) {
    return validateResponse(in, sloUrl, idps, now, SamlResponseValidator.DEFAULT_SKEW);
  }

  /**
   * A LogoutResponse from one of {@code idps}, every check passed, {@code skew} the clock
   * difference tolerated.
   */
  public static Response validateResponse(
      Incoming in, String sloUrl, List<Idp> idps, Instant now, Duration skew) {
    if (in.request()) {
      throw GigyaException.invalid(REQUEST, "a LogoutResponse was expected");
    }
    try {
      Checked c = check(in, "LogoutResponse", sloUrl, idps, now, skew);
      Element status = SamlXml.child(c.root, SamlXml.PROTOCOL, "Status");
      Element code = status == null ? null : SamlXml.child(status, SamlXml.PROTOCOL, "StatusCode");
      String value = SamlXml.attribute(code, "Value");
      if (value == null) {
        throw new SamlXml.Invalid("the LogoutResponse has no StatusCode");
      }
      return new Response(
          c.idp.provider(),
          c.idp.entityId(),
          c.id,
          SamlXml.attribute(c.root, "InResponseTo"),
          value,
          c.keepUntil);
    } catch (SamlXml.Invalid e) {
      throw GigyaException.invalid(in.parameter(), e.getMessage());
    }
  }

  private record Checked(Element root, Idp idp, String id, Instant keepUntil) {}

  private static Checked check(
      Incoming in, String localName, String sloUrl, List<Idp> idps, Instant now, Duration skew) {
    Document doc = SamlXml.parse(in.xml());
    Element root = doc.getDocumentElement();
    if (!SamlXml.PROTOCOL.equals(root.getNamespaceURI())
        || !localName.equals(root.getLocalName())) {
      throw new SamlXml.Invalid("not a SAML 2.0 " + localName);
    }
    if (!"2.0".equals(SamlXml.attribute(root, "Version"))) {
      throw new SamlXml.Invalid("not SAML version 2.0");
    }
    String id = SamlXml.attribute(root, "ID");
    if (id == null) {
      throw new SamlXml.Invalid("the " + localName + " has no ID");
    }
    Instant issued = SamlXml.instant(root, "IssueInstant");
    if (issued == null) {
      throw new SamlXml.Invalid("the " + localName + " has no IssueInstant");
    }
    String issuer = SamlXml.text(SamlXml.child(root, SamlXml.ASSERTION, "Issuer"));
    List<Idp> candidates = new ArrayList<>();
    for (Idp idp : idps) {
      if (idp.entityId().equals(issuer)) {
        candidates.add(idp);
      }
    }
    if (candidates.isEmpty()) {
      throw new GigyaException(
          ErrorCode.UNEXPECTED_PROVIDER_USER,
          "The " + localName + "'s Issuer is none of the site's identity providers");
    }
    // The signature first: nothing unsigned is believed.
    Idp sender = verify(in, root, id, candidates);
    if (!sloUrl.equals(SamlXml.attribute(root, "Destination"))) {
      throw new GigyaException(
          ErrorCode.FORBIDDEN,
          "The " + localName + "'s Destination is not this site's single logout service");
    }
    if (issued.isAfter(now.plus(skew)) || issued.isBefore(now.minus(MAX_AGE).minus(skew))) {
      throw new GigyaException(
          ErrorCode.REQUEST_HAS_EXPIRED, "The " + localName + " is too old, or from the future");
    }
    return new Checked(root, sender, id, issued.plus(MAX_AGE).plus(skew));
  }

  /** The identity provider whose pinned certificate verifies the message's signature. */
  private static Idp verify(Incoming in, Element root, String id, List<Idp> candidates) {
    GigyaException refusal = null;
    for (Idp idp : candidates) {
      try {
        if (in.signedQuery() != null) {
          verifyQuery(in, idp.certificates());
        } else {
          root.setIdAttributeNS(null, "ID", true);
          if (!SamlResponseValidator.verifyIfSigned(root, id, idp.certificates())) {
            throw new GigyaException(
                ErrorCode.INVALID_REQUEST_SIGNATURE,
                "The " + root.getLocalName() + " is not signed");
          }
        }
        return idp;
      } catch (GigyaException e) {
        refusal = e;
      }
    }
    throw refusal;
  }

  private static void verifyQuery(Incoming in, List<X509Certificate> certificates) {
    if (in.sigAlg() == null || in.signature() == null) {
      throw new GigyaException(
          ErrorCode.INVALID_REQUEST_SIGNATURE,
          "The logout message is not signed (SigAlg and Signature)");
    }
    String jca = SIG_ALGS.get(in.sigAlg());
    if (jca == null) {
      throw new GigyaException(
          ErrorCode.INVALID_REQUEST_SIGNATURE,
          "The signature algorithm " + clip(in.sigAlg()) + " is refused");
    }
    for (X509Certificate cert : certificates) {
      try {
        Signature s = Signature.getInstance(jca);
        s.initVerify(cert.getPublicKey());
        s.update(in.signedQuery().getBytes(StandardCharsets.US_ASCII));
        if (s.verify(in.signature())) {
          return;
        }
      } catch (GeneralSecurityException e) {
        // a key of another type, or a malformed signature: try the next certificate
      }
    }
    throw new GigyaException(
        ErrorCode.INVALID_REQUEST_SIGNATURE,
        "The logout message's signature does not verify with the identity provider's certificate");
  }

  /**
   * A protocol message's root element, in a document of its own: ID, version, time, destination.
   */
  private static Element message(String name, String id, Instant now, String destination) {
    Document doc = SamlXml.newDocument();
    Element r = doc.createElementNS(SamlXml.PROTOCOL, name);
    r.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:saml", SamlXml.ASSERTION);
    r.setAttributeNS(null, "ID", id);
    r.setAttributeNS(null, "Version", "2.0");
    r.setAttributeNS(null, "IssueInstant", now.truncatedTo(ChronoUnit.SECONDS).toString());
    r.setAttributeNS(null, "Destination", destination);
    doc.appendChild(r);
    return r;
  }

  /** The service provider's LogoutRequest for a session. */
  public static String logoutRequest(
      String id,
      Instant now,
      String destination,
      String issuer,
      String nameId,
      String nameIdFormat,
      String sessionIndex) {
    Element r = message("samlp:LogoutRequest", id, now, destination);
    Document doc = r.getOwnerDocument();
    r.setAttributeNS(
        null, "NotOnOrAfter", now.plus(MAX_AGE).truncatedTo(ChronoUnit.SECONDS).toString());
    Element iss = doc.createElementNS(SamlXml.ASSERTION, "saml:Issuer");
    iss.setTextContent(issuer);
    r.appendChild(iss);
    Element n = doc.createElementNS(SamlXml.ASSERTION, "saml:NameID");
    if (nameIdFormat != null) {
      n.setAttributeNS(null, "Format", nameIdFormat);
    }
    n.setTextContent(nameId);
    r.appendChild(n);
    if (sessionIndex != null) {
      Element si = doc.createElementNS(SamlXml.PROTOCOL, "samlp:SessionIndex");
      si.setTextContent(sessionIndex);
      r.appendChild(si);
    }
    return SamlXml.write(doc);
  }

  /** The service provider's LogoutResponse to an identity provider's request. */
  public static String logoutResponse(
      String id,
      Instant now,
      String destination,
      String issuer,
      String inResponseTo,
      String status) {
    Element r = message("samlp:LogoutResponse", id, now, destination);
    Document doc = r.getOwnerDocument();
    r.setAttributeNS(null, "InResponseTo", inResponseTo);
    Element iss = doc.createElementNS(SamlXml.ASSERTION, "saml:Issuer");
    iss.setTextContent(issuer);
    r.appendChild(iss);
    Element st = doc.createElementNS(SamlXml.PROTOCOL, "samlp:Status");
    Element code = doc.createElementNS(SamlXml.PROTOCOL, "samlp:StatusCode");
    code.setAttributeNS(null, "Value", status);
    st.appendChild(code);
    r.appendChild(st);
    return SamlXml.write(doc);
  }

  /**
   * {@code base} with a message by the HTTP-Redirect binding: DEFLATE, Base64, the RelayState when
   * given, and the RSA-SHA256 signature over the query string.
   */
  public static String redirect(
      String base, String parameter, String xml, String relayState, PrivateKey key) {
    StringBuilder query =
        new StringBuilder(parameter)
            .append('=')
            .append(
                enc(
                    Base64.getEncoder()
                        .encodeToString(
                            SamlRequests.deflate(xml.getBytes(StandardCharsets.UTF_8)))));
    if (relayState != null) {
      query.append("&RelayState=").append(enc(relayState));
    }
    query.append("&SigAlg=").append(enc(SignatureMethod.RSA_SHA256));
    String signature;
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(key);
      s.update(query.toString().getBytes(StandardCharsets.US_ASCII));
      signature = Base64.getEncoder().encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign the logout message", e);
    }
    return base + (base.contains("?") ? "&" : "?") + query + "&Signature=" + enc(signature);
  }

  private static byte[] base64(String parameter, String value) {
    try {
      return Base64.getMimeDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw GigyaException.invalid(parameter, "not Base64");
    }
  }

  /** DEFLATE undone, no larger than {@link SamlXml#MAX_BYTES}. */
  static byte[] inflate(String parameter, byte[] deflated) {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(deflated);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[4096];
      while (!inflater.finished()) {
        int n = inflater.inflate(buf);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        out.write(buf, 0, n);
        if (out.size() > SamlXml.MAX_BYTES) {
          throw GigyaException.invalid(parameter, "larger than " + SamlXml.MAX_BYTES + " bytes");
        }
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw GigyaException.invalid(parameter, "not DEFLATE");
    } finally {
      inflater.end();
    }
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw GigyaException.invalid("query", "not URL-encoded");
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String clip(String s) {
    return s.length() > 120 ? s.substring(0, 120) : s;
  }
}
