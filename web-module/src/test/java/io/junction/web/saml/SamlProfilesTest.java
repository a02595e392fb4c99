package io.junction.web.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.junction.api.ErrorCode;
import io.junction.api.SocialProfile;
import io.junction.web.envelope.GigyaException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamlProfilesTest {

  static SamlAssertion assertion(String nameId, Map<String, List<String>> attributes) {
    return new SamlAssertion("_a", Instant.now(), nameId, null, "s", attributes);
  }

  static final Map<String, List<String>> ATTRS =
      Map.of(
          "urn:oid:0.9.2342.19200300.100.1.3", List.of("alice@corp.test"),
          "urn:oid:2.5.4.42", List.of("Alice"),
          "sn", List.of("Tester"),
          "employeeNumber", List.of("E-42"),
          "gender", List.of("Female"),
          "Role", List.of("staff", "admin"));

  @Test
  void mappedAttributesBecomeTheProfileTheNameIdItsUid() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("urn:oid:0.9.2342.19200300.100.1.3", "Email");
    map.put("urn:oid:2.5.4.42", "FirstName");
    map.put("sn", "LastName");
    map.put("gender", "Gender");
    map.put("Role", "samlData.roles");
    SocialProfile p = SamlProfiles.profile(assertion("alice-1", ATTRS), map);
    assertEquals("alice-1", p.providerUid());
    assertEquals("alice@corp.test", p.email());
    assertEquals("Alice", p.firstName());
    assertEquals("Tester", p.lastName());
    assertEquals("Alice Tester", p.nickname());
    assertEquals("f", p.gender());
    assertEquals(
        Map.of("roles", List.of("staff", "admin")),
        SamlProfiles.samlData(assertion("alice-1", ATTRS), map));
  }

  @Test
  void anAttributeMappedToProviderUidIsTheUidAndMustBeThere() {
    SocialProfile p =
        SamlProfiles.profile(
            assertion("transient-xyz", ATTRS), Map.of("employeeNumber", "ProviderUID"));
    assertEquals("E-42", p.providerUid());
    assertNull(p.email());
    GigyaException e =
        assertThrows(
            GigyaException.class,
            () -> SamlProfiles.profile(assertion("x", ATTRS), Map.of("uid", "ProviderUID")));
    assertEquals(ErrorCode.SAML_MAPPED_ATTRIBUTE_NOT_FOUND, e.code());
  }

  @Test
  void withoutNameIdOrProviderUidThereIsNoIdentity() {
    GigyaException e =
        assertThrows(
            GigyaException.class, () -> SamlProfiles.profile(assertion(null, ATTRS), Map.of()));
    assertEquals(ErrorCode.SAML_MAPPED_ATTRIBUTE_NOT_FOUND, e.code());
  }

  @Test
  void genderIsGigyas() {
    assertEquals("m", SamlProfiles.gender("M"));
    assertEquals("m", SamlProfiles.gender("male"));
    assertEquals("f", SamlProfiles.gender(" F "));
    assertEquals("u", SamlProfiles.gender("other"));
    assertNull(SamlProfiles.gender(null));
  }

  @Test
  void countryCityZipAndSamlDataGoWithTheIdentity() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("c", "Country");
    map.put("l", "City");
    map.put("postalCode", "Zip");
    map.put("Role", "samlData.roles");
    map.put("employeeNumber", "samlData.employee");
    map.put("absent", "samlData.absent");
    Map<String, List<String>> attrs = new LinkedHashMap<>(ATTRS);
    attrs.put("c", List.of("DE"));
    attrs.put("l", List.of("Berlin"));
    attrs.put("postalCode", List.of("10115", "10117"));
    SamlProfiles.Extra e = SamlProfiles.Extra.of(assertion("a", attrs), map);
    assertEquals("DE", e.country());
    assertEquals("Berlin", e.city());
    assertEquals("10115", e.zip());
    // Several values (of one Attribute, or of several with one Name: the validator merges them)
    // are an array; one value is a string; an absent attribute is left out.
    assertEquals("{\"roles\":[\"staff\",\"admin\"],\"employee\":\"E-42\"}", e.samlDataJson());

    // Through the provider session's extras and back, as the account service stores it.
    Map<String, String> extras = e.toExtras();
    assertEquals(e, SamlProfiles.Extra.from(extras));
    assertNull(SamlProfiles.Extra.from(Map.of("scope", "email")));

    SamlIdentityData d = new SamlIdentityData("id-1");
    d.update(e, Instant.now());
    assertEquals(List.of("staff", "admin"), d.samlData().get("roles"));
    assertEquals("E-42", d.samlData().get("employee"));

    SamlProfiles.Extra none = SamlProfiles.Extra.of(assertion("a", Map.of()), map);
    assertNull(none.samlDataJson());
    assertNull(none.country());
  }
}
