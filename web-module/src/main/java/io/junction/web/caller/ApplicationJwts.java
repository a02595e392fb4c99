package io.junction.web.caller;

import io.junction.api.ErrorCode;
import io.junction.web.envelope.GigyaException;
import io.junction.web.security.Nonces;
import io.junction.web.security.RsaKeys;
import io.junction.web.site.ApplicationKey;
import io.junction.web.site.Site;
import io.junction.web.site.SiteService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies an application key's JWT ({@link ApplicationJwt}) for a site, in this order: its {@code
 * kid} is an RSA application key of the site (403005 otherwise), the signature verifies with that
 * key's public key (403003), {@code iat} is within {@code junction.signature.max-skew-seconds} of
 * the server's clock and neither {@code exp} nor {@code nbf}, when present, rule the moment out
 * (403002), and its {@code jti} is used for the first time on any node (403004), after which it is
 * used up.
 */
@ApplicationScoped
public class ApplicationJwts {

  @Inject SiteService sites;
  @Inject Nonces nonces;

  @Inject
  @ConfigProperty(name = "junction.signature.max-skew-seconds", defaultValue = "120")
  long maxSkewSeconds;

  /** The application key that signed {@code jwt}, once every check has passed. */
  public ApplicationKey verify(Site site, ApplicationJwt jwt) {
    ApplicationKey key =
        sites
            .findApplication(site, jwt.kid())
            .filter(ApplicationKey::rsa)
            .orElseThrow(
                () ->
                    new GigyaException(
                        ErrorCode.UNAUTHORIZED_USER,
                        "The JWT's kid is not an RSA application key of the site "
                            + site.apiKey()));
    if (!jwt.signedBy(RsaKeys.publicKey(key.publicKey()))) {
      throw new GigyaException(
          ErrorCode.INVALID_REQUEST_SIGNATURE,
          "The JWT's signature does not verify with the public key of the application key "
              + key.userKey());
    }
    long now = System.currentTimeMillis() / 1000;
    long skew = Math.abs(now - jwt.issuedAt());
    if (skew > maxSkewSeconds) {
      throw new GigyaException(
          ErrorCode.REQUEST_HAS_EXPIRED,
          "The JWT's iat is " + skew + " s away from the server's clock (see the Date header)");
    }
    if (jwt.expiresAt() != null && now - maxSkewSeconds > jwt.expiresAt()) {
      throw new GigyaException(ErrorCode.REQUEST_HAS_EXPIRED, "The JWT has expired (exp)");
    }
    if (jwt.notBefore() != null && jwt.notBefore() - maxSkewSeconds > now) {
      throw new GigyaException(ErrorCode.REQUEST_HAS_EXPIRED, "The JWT is not valid yet (nbf)");
    }
    // Kept while its iat could still be accepted: at most 2 skews after the first use.
    nonces.useJwtId(site.apiKey(), jwt.jti(), Duration.ofSeconds(2 * maxSkewSeconds + 60));
    return key;
  }
}
