package io.junction.web.saml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A site's SAML identity provider as Gigya's ExternalIdP describes it, validated: its entity ID
 * (the issuer of its messages), where to send AuthnRequests and logout requests and by which
 * binding, the NameID format to ask for, how its attributes map to identity fields, and its pinned
 * signing certificates (Base64 DER).
 *
 * @param allowUnsolicited whether responses nobody asked for (IdP-initiated single sign-on) are
 *     accepted; off unless the site turns it on
 * @param unsolicitedRedirectUri where the browser lands after such a response (the site's page that
 *     takes the code), or null
 */
public record SamlIdpSettings(
    String entityId,
    String ssoUrl,
    String ssoBinding,
    String sloUrl,
    String sloBinding,
    String nameIdFormat,
    Map<String, String> attributeMap,
    List<String> certificates,
    boolean allowUnsolicited,
    String unsolicitedRedirectUri) {

  /** The HTTP-Redirect binding. */
  public static final String REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";

  /** The HTTP-POST binding. */
  public static final String POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

  /** Gigya's default NameID format. */
  public static final String UNSPECIFIED = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified";

  /** Settings without a landing page for unsolicited responses. */
  public SamlIdpSettings(
      String entityId,
      String ssoUrl,
      String ssoBinding,
      String sloUrl,
      String sloBinding,
      String nameIdFormat,
      Map<String, String> attributeMap,
      List<String> certificates,
      boolean allowUnsolicited) {
    this(
        entityId,
        ssoUrl,
        ssoBinding,
        sloUrl,
        sloBinding,
        nameIdFormat,
        attributeMap,
        certificates,
        allowUnsolicited,
        null);
  }

  public SamlIdpSettings {
    Objects.requireNonNull(entityId, "entityId");
    Objects.requireNonNull(ssoUrl, "ssoUrl");
    Objects.requireNonNull(ssoBinding, "ssoBinding");
    Objects.requireNonNull(sloBinding, "sloBinding");
    Objects.requireNonNull(nameIdFormat, "nameIdFormat");
    attributeMap = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributeMap));
    certificates = List.copyOf(certificates);
  }
}
