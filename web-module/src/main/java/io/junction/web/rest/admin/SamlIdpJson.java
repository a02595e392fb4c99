package io.junction.web.rest.admin;

import io.junction.web.envelope.GigyaException;
import io.junction.web.saml.SamlCertificates;
import io.junction.web.saml.SamlIdpSettings;
import io.junction.web.saml.SamlMetadata;
import io.junction.web.saml.SamlXml;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The body of {@code PUT /admin/sites/{apiKey}/providers/saml-<name>}, by Gigya's ExternalIdP
 * fields, read into {@link SamlIdpSettings}: given one by one, or filled from the identity
 * provider's {@code metadata} (XML) or {@code metadataUrl}, the fields given beside it winning.
 */
final class SamlIdpJson {

  static final Set<String> FIELDS =
      Set.of(
          "entityID",
          "singleSignOnServiceUrl",
          "singleSignOnServiceBinding",
          "singleLogoutServiceUrl",
          "singleLogoutServiceBinding",
          "nameIDFormat",
          "attributeMap",
          "certificate",
          "metadata",
          "metadataUrl",
          "allowUnsolicited",
          "unsolicitedRedirectUri",
          "enabled");

  /** The identity fields an attribute may map to, besides {@code samlData.<field>}. */
  static final List<String> TARGETS =
      List.of("ProviderUID", "Email", "FirstName", "LastName", "Country", "City", "Zip", "Gender");

  private static final Pattern SAML_DATA = Pattern.compile("samlData\\.[A-Za-z0-9_.-]{1,64}");
  private static final Pattern URN = Pattern.compile("urn:[A-Za-z0-9:._-]{1,190}");

  private SamlIdpJson() {}

  /**
   * The settings of a body; {@code fetch} reads a metadataUrl. 400002 naming a missing field,
   * 400006 naming a wrong one.
   *
   * @param allowHttp whether the single sign-on and logout URLs may be plain http (tests on
   *     loopback)
   */
  static SamlIdpSettings read(AdminJson json, boolean allowHttp, Function<String, byte[]> fetch) {
    SamlMetadata.IdpDescriptor md = null;
    String metadata = json.text("metadata", false, 60_000);
    String metadataUrl = json.string("metadataUrl", false, 2048);
    if (metadata != null && metadataUrl != null) {
      throw GigyaException.invalid("metadataUrl", "give metadata or metadataUrl, not both");
    }
    if (metadata != null) {
      md = descriptor("metadata", metadata.getBytes(StandardCharsets.UTF_8));
    } else if (metadataUrl != null) {
      md = descriptor("metadataUrl", fetch.apply(metadataUrl));
    }
    String entityId = or(json.string("entityID", false, 1024), md == null ? null : md.entityId());
    if (entityId == null) {
      throw GigyaException.missing("entityID");
    }
    String ssoUrl =
        or(json.string("singleSignOnServiceUrl", false, 2048), md == null ? null : md.ssoUrl());
    if (ssoUrl == null) {
      throw GigyaException.missing("singleSignOnServiceUrl");
    }
    checkUrl("singleSignOnServiceUrl", ssoUrl, allowHttp);
    String ssoBinding =
        binding(
            "singleSignOnServiceBinding",
            or(
                json.string("singleSignOnServiceBinding", false, 100),
                md == null ? null : md.ssoBinding()));
    String sloUrl =
        or(json.string("singleLogoutServiceUrl", false, 2048), md == null ? null : md.sloUrl());
    if (sloUrl != null) {
      checkUrl("singleLogoutServiceUrl", sloUrl, allowHttp);
    }
    String sloBinding =
        binding(
            "singleLogoutServiceBinding",
            or(
                json.string("singleLogoutServiceBinding", false, 100),
                md == null ? null : md.sloBinding()));
    String nameIdFormat =
        or(json.string("nameIDFormat", false, 200), md == null ? null : md.nameIdFormat());
    if (nameIdFormat == null) {
      nameIdFormat = SamlIdpSettings.UNSPECIFIED;
    } else if (!URN.matcher(nameIdFormat).matches()) {
      throw GigyaException.invalid("nameIDFormat", "must be a NameID format URN");
    }
    List<String> certificates = certificates(json, md);
    boolean allowUnsolicited = json.bool("allowUnsolicited", false);
    String landing = json.string("unsolicitedRedirectUri", false, 2048);
    if (landing != null) {
      checkLanding(landing);
    } else if (allowUnsolicited) {
      throw GigyaException.missing("unsolicitedRedirectUri");
    }
    return new SamlIdpSettings(
        entityId,
        ssoUrl,
        ssoBinding,
        sloUrl,
        sloBinding,
        nameIdFormat,
        attributeMap(json),
        certificates,
        allowUnsolicited,
        landing);
  }

  /**
   * Where an unsolicited response lands: an absolute http(s) URL without user or fragment; the
   * site's redirect policy is applied when a response comes, as to every redirect_uri.
   */
  private static void checkLanding(String url) {
    URI u;
    try {
      u = new URI(url);
    } catch (URISyntaxException e) {
      throw GigyaException.invalid("unsolicitedRedirectUri", "not a URL");
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http"))
        || u.getHost() == null
        || u.getRawUserInfo() != null
        || u.getRawFragment() != null) {
      throw GigyaException.invalid(
          "unsolicitedRedirectUri", "must be an http(s) URL without user or fragment");
    }
  }

  private static SamlMetadata.IdpDescriptor descriptor(String field, byte[] xml) {
    try {
      return SamlMetadata.readIdp(xml);
    } catch (SamlXml.Invalid e) {
      throw GigyaException.invalid(field, e.getMessage());
    }
  }

  private static String or(String given, String fromMetadata) {
    return given != null ? given : fromMetadata;
  }

  private static String binding(String field, String value) {
    if (value == null) {
      return SamlIdpSettings.REDIRECT;
    }
    if (!value.equals(SamlIdpSettings.REDIRECT) && !value.equals(SamlIdpSettings.POST)) {
      throw GigyaException.invalid(
          field, "must be " + SamlIdpSettings.REDIRECT + " or " + SamlIdpSettings.POST);
    }
    return value;
  }

  /**
   * An identity provider's URL, where the browser goes: https without user or fragment (http only
   * where allowed). Its host may be private: a workforce IdP often is.
   */
  static void checkUrl(String field, String url, boolean allowHttp) {
    URI u;
    try {
      u = new URI(url);
    } catch (URISyntaxException e) {
      throw GigyaException.invalid(field, "not a URL");
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || (allowHttp && scheme.equals("http")))
        || u.getHost() == null
        || u.getRawUserInfo() != null
        || u.getRawFragment() != null) {
      throw GigyaException.invalid(field, "must be an https URL without user or fragment");
    }
  }

  private static List<String> certificates(AdminJson json, SamlMetadata.IdpDescriptor md) {
    String given = json.text("certificate", false, 16_000);
    List<String> out = new ArrayList<>();
    if (given != null) {
      try {
        for (X509Certificate c : SamlCertificates.parse(given)) {
          out.add(SamlCertificates.base64(c));
        }
      } catch (IllegalArgumentException e) {
        throw GigyaException.invalid("certificate", e.getMessage());
      }
    } else if (md != null && !md.certificates().isEmpty()) {
      if (md.certificates().size() > 4) {
        throw GigyaException.invalid("metadata", "more than 4 signing certificates");
      }
      for (String c : md.certificates()) {
        try {
          out.add(SamlCertificates.base64(SamlCertificates.decode(c)));
        } catch (IllegalArgumentException e) {
          throw GigyaException.invalid("metadata", "a signing certificate is " + e.getMessage());
        }
      }
    }
    if (out.isEmpty()) {
      throw GigyaException.missing("certificate");
    }
    return out;
  }

  private static Map<String, String> attributeMap(AdminJson json) {
    Map<String, String> raw = json.stringMap("attributeMap", 50, 256);
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null) {
      return out;
    }
    for (Map.Entry<String, String> e : raw.entrySet()) {
      String target = e.getValue();
      if (!TARGETS.contains(target) && !SAML_DATA.matcher(target).matches()) {
        throw GigyaException.invalid(
            "attributeMap",
            "'"
                + target
                + "' is not a field: "
                + String.join(", ", TARGETS)
                + " or samlData.<field>");
      }
      out.put(e.getKey(), target);
    }
    return out;
  }
}
