package io.junction.it;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.w3c.dom.Document;

/**
 * Single logout messages of a SAML identity provider played by the test ({@link SamlIdpStandIn}):
 * its LogoutRequest and LogoutResponse by the HTTP-Redirect binding, signed over the query string
 * with its key, and Junction's own messages read back.
 */
final class SamlLogoutMessages {

  static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

  private SamlLogoutMessages() {}

  /** The IdP's LogoutRequest for a NameID, at Junction's single logout service. */
  static String logoutRequest(SamlIdpStandIn idp, String slo, String nameId, String relayState) {
    String xml =
        "<samlp:LogoutRequest xmlns:samlp='urn:oasis:names:tc:SAML:2.0:protocol'"
            + " xmlns:saml='urn:oasis:names:tc:SAML:2.0:assertion' ID='_lr"
            + System.nanoTime()
            + "' Version='2.0' IssueInstant='"
            + Instant.now()
            + "' Destination='"
            + slo
            + "'><saml:Issuer>"
            + idp.entityId
            + "</saml:Issuer><saml:NameID>"
            + nameId
            + "</saml:NameID></samlp:LogoutRequest>";
    return redirect(idp, slo, "SAMLRequest", xml, relayState, true);
  }

  /** The IdP's LogoutResponse to Junction's request. */
  static String logoutResponse(SamlIdpStandIn idp, String slo, String inResponseTo) {
    String xml =
        "<samlp:LogoutResponse xmlns:samlp='urn:oasis:names:tc:SAML:2.0:protocol'"
            + " xmlns:saml='urn:oasis:names:tc:SAML:2.0:assertion' ID='_lp"
            + System.nanoTime()
            + "' Version='2.0' IssueInstant='"
            + Instant.now()
            + "' Destination='"
            + slo
            + "' InResponseTo='"
            + inResponseTo
            + "'><saml:Issuer>"
            + idp.entityId
            + "</saml:Issuer><samlp:Status><samlp:StatusCode"
            + " Value='urn:oasis:names:tc:SAML:2.0:status:Success'/></samlp:Status>"
            + "</samlp:LogoutResponse>";
    return redirect(idp, slo, "SAMLResponse", xml, null, true);
  }

  /** {@code base} with a message by the HTTP-Redirect binding, signed by the IdP when asked. */
  static String redirect(
      SamlIdpStandIn idp, String base, String parameter, String xml, String relay, boolean sign) {
    String query = parameter + "=" + enc(Base64.getEncoder().encodeToString(deflate(xml)));
    if (relay != null) {
      query += "&RelayState=" + enc(relay);
    }
    if (!sign) {
      return base + "?" + query;
    }
    query += "&SigAlg=" + enc(RSA_SHA256);
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(idp.keys.getPrivate());
      s.update(query.getBytes(StandardCharsets.US_ASCII));
      return base + "?" + query + "&Signature=" + enc(Base64.getEncoder().encodeToString(s.sign()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Junction's message in a redirect to the IdP, its signature verified with the service provider's
   * certificate: the document.
   */
  static Document read(String location, String parameter, PublicKey sp) {
    URI u = URI.create(location);
    String raw = u.getRawQuery();
    Map<String, String> q = OkStandIn.query(raw);
    String signed = raw.substring(0, raw.indexOf("&Signature="));
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initVerify(sp);
      s.update(signed.getBytes(StandardCharsets.US_ASCII));
      if (!s.verify(Base64.getDecoder().decode(q.get("Signature")))) {
        throw new AssertionError("Junction's signature does not verify: " + location);
      }
      if (!RSA_SHA256.equals(q.get("SigAlg"))) {
        throw new AssertionError(q.get("SigAlg"));
      }
      return SamlIdpStandIn.parse(inflate(Base64.getDecoder().decode(q.get(parameter))));
    } catch (AssertionError e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] deflate(String xml) {
    Deflater d = new Deflater(Deflater.DEFLATED, true);
    d.setInput(xml.getBytes(StandardCharsets.UTF_8));
    d.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    while (!d.finished()) {
      out.write(buf, 0, d.deflate(buf));
    }
    d.end();
    return out.toByteArray();
  }

  static byte[] inflate(byte[] data) throws Exception {
    Inflater inflater = new Inflater(true);
    inflater.setInput(data);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    while (!inflater.finished()) {
      int n = inflater.inflate(buf);
      if (n == 0 && inflater.needsInput()) {
        break;
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
