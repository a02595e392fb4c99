package io.junction.web.saml;

import io.junction.web.db.Constraints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The key pair of a site's service provider, made and stored on first use. Not a transaction:
 * making a key takes a while, so it happens between a read and a short insert; when two nodes make
 * one at once, the first stored wins and both use it.
 */
@ApplicationScoped
public class SamlSpKeys {

  @Inject SamlService saml;

  /** The site's key pair (404000 for an unknown site). */
  public SamlService.SpKey of(String apiKey) {
    Optional<SamlSpKey> stored = saml.findSpKey(apiKey);
    if (stored.isPresent()) {
      return saml.open(stored.get());
    }
    saml.site(apiKey);
    SamlCertificates.SpKeyPair pair = SamlCertificates.generate("Junction SAML SP");
    try {
      saml.addSpKey(apiKey, pair);
    } catch (RuntimeException e) {
      if (!Constraints.isViolation(e)) {
        throw e;
      }
    }
    return saml.open(saml.findSpKey(apiKey).orElseThrow());
  }
}
