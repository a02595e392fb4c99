package io.junction.web.saml;

import io.junction.api.ErrorCode;
import io.junction.api.SocialProfile;
import io.junction.web.envelope.GigyaException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A verified assertion as an identity, by the identity provider's attribute map: ProviderUID (else
 * the NameID), Email, FirstName, LastName, Gender; and {@code samlData.<field>} values.
 */
public final class SamlProfiles {

  private SamlProfiles() {}

  /**
   * The profile of an assertion. 409013 when the attribute mapped to ProviderUID is absent, or when
   * nothing is mapped to it and the assertion has no NameID.
   */
  public static SocialProfile profile(SamlAssertion a, Map<String, String> attributeMap) {
    Map<String, String> fields = fields(a, attributeMap);
    String uid;
    if (attributeMap.containsValue("ProviderUID")) {
      uid = fields.get("ProviderUID");
      if (uid == null) {
        throw new GigyaException(
            ErrorCode.SAML_MAPPED_ATTRIBUTE_NOT_FOUND,
            "The attribute mapped to ProviderUID is not in the assertion");
      }
    } else {
      uid = a.nameId();
      if (uid == null) {
        throw new GigyaException(
            ErrorCode.SAML_MAPPED_ATTRIBUTE_NOT_FOUND,
            "The assertion has no NameID and no attribute is mapped to ProviderUID");
      }
    }
    String first = fields.get("FirstName");
    String last = fields.get("LastName");
    String email = fields.get("Email");
    String nickname =
        first != null || last != null
            ? ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim()
            : email;
    return new SocialProfile(
        clip(uid, 255),
        clip(nickname, 255),
        clip(first, 255),
        clip(last, 255),
        clip(email, 320),
        null,
        null,
        null,
        gender(fields.get("Gender")),
        null,
        null);
  }

  /** The first value of each mapped attribute, by its target field. */
  static Map<String, String> fields(SamlAssertion a, Map<String, String> attributeMap) {
    Map<String, String> out = new LinkedHashMap<>();
    attributeMap.forEach(
        (attribute, field) -> {
          List<String> values = a.attributes().get(attribute);
          if (values != null && !values.isEmpty() && !out.containsKey(field)) {
            out.put(field, values.get(0));
          }
        });
    return out;
  }

  /** The {@code samlData.<field>} values: every value of the mapped attributes, by field. */
  public static Map<String, List<String>> samlData(
      SamlAssertion a, Map<String, String> attributeMap) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    attributeMap.forEach(
        (attribute, field) -> {
          List<String> values = a.attributes().get(attribute);
          if (field.startsWith("samlData.") && values != null) {
            out.put(field.substring("samlData.".length()), values);
          }
        });
    return out;
  }

  /**
   * What an assertion says beyond the common profile: Country, City, Zip, and the samlData fields
   * as JSON (a field with one value as a string, with several, from one Attribute or from several
   * of the same Name, as an array).
   */
  public record Extra(String country, String city, String zip, String samlDataJson) {

    static final String MARK = "saml";

    /** Largest samlData JSON kept; fields beyond it are left out, in map order. */
    static final int MAX_JSON = 16_000;

    public static Extra of(SamlAssertion a, Map<String, String> attributeMap) {
      Map<String, String> f = fields(a, attributeMap);
      jakarta.json.JsonObjectBuilder data = jakarta.json.Json.createObjectBuilder();
      int size = 2;
      for (Map.Entry<String, List<String>> e : samlData(a, attributeMap).entrySet()) {
        List<String> values = e.getValue();
        if (values.isEmpty()) {
          continue;
        }
        jakarta.json.JsonValue v =
            values.size() == 1
                ? jakarta.json.Json.createValue(values.get(0))
                : jakarta.json.Json.createArrayBuilder(values).build();
        int add = e.getKey().length() + v.toString().length() + 4;
        if (size + add > MAX_JSON) {
          continue;
        }
        size += add;
        data.add(e.getKey(), v);
      }
      String json = data.build().toString();
      return new Extra(
          clip(f.get("Country"), 100),
          clip(f.get("City"), 255),
          clip(f.get("Zip"), 40),
          json.equals("{}") ? null : json);
    }

    /** As provider-session extras, for the account service to store with the identity. */
    public Map<String, String> toExtras() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put(MARK, "1");
      put(m, "saml.country", country);
      put(m, "saml.city", city);
      put(m, "saml.zip", zip);
      put(m, "saml.data", samlDataJson);
      return m;
    }

    /** The extras of a SAML provider session, or null for another provider's. */
    public static Extra from(Map<String, String> extras) {
      if (!"1".equals(extras.get(MARK))) {
        return null;
      }
      return new Extra(
          extras.get("saml.country"),
          extras.get("saml.city"),
          extras.get("saml.zip"),
          extras.get("saml.data"));
    }

    private static void put(Map<String, String> m, String k, String v) {
      if (v != null) {
        m.put(k, v);
      }
    }
  }

  static String gender(String v) {
    if (v == null) {
      return null;
    }
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "m", "male", "man" -> "m";
      case "f", "female", "woman" -> "f";
      default -> "u";
    };
  }

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
