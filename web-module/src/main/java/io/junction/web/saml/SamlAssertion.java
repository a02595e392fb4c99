package io.junction.web.saml;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a verified SAML response says of the user, read only from the one signed assertion.
 *
 * @param id the assertion's ID, kept until {@code keepUntil} so that it is accepted once
 * @param keepUntil when the assertion can no longer be accepted anyway (its latest NotOnOrAfter
 *     plus the clock skew)
 * @param nameId the Subject's NameID, or null when it has none
 * @param nameIdFormat the NameID's Format, or null
 * @param sessionIndex the AuthnStatement's SessionIndex (for single logout), or null
 * @param attributes every attribute by Name, the values of all its instances in one list
 */
public record SamlAssertion(
    String id,
    Instant keepUntil,
    String nameId,
    String nameIdFormat,
    String sessionIndex,
    Map<String, List<String>> attributes) {

  public SamlAssertion {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    attributes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    attributes = Collections.unmodifiableMap(copy);
  }
}
