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
}
