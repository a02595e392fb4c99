package io.junction.web.rest.socialize;

import io.junction.api.ErrorCode;
import io.junction.web.caller.Caller;
import io.junction.web.envelope.Envelope;
import io.junction.web.envelope.GigyaException;
import io.junction.web.envelope.Parameters;
import io.junction.web.security.GigyaSignature;
import io.junction.web.security.UidSignatures;
import io.junction.web.site.SiteService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * socialize.exchangeUIDSignature: checks a UIDSignature made with the site secret and answers one
 * made with the caller's secret (an application key's), so that servers holding only an application
 * key can verify UIDs.
 */
@Path("socialize.exchangeUIDSignature")
@RequestScoped
@Tag(name = "Socialize")
public class ExchangeUidSignatureResource extends ServerMethodResource {

  /** How old a UIDSignature may be. */
  static final long MAX_AGE_SECONDS = 180;

  @Inject SiteService sites;

  @Override
  protected Response answer(Caller caller) {
    String uid = Parameters.required(call, "UID");
    String signature = Parameters.required(call, "UIDSignature");
    long timestamp;
    try {
      timestamp = Long.parseLong(Parameters.required(call, "signatureTimestamp"));
    } catch (NumberFormatException e) {
      throw GigyaException.invalid("signatureTimestamp", "not a number of seconds");
    }
    String siteSecret = sites.secretOf(caller.site());
    if (!GigyaSignature.same(GigyaSignature.uidSignature(siteSecret, timestamp, uid), signature)) {
      throw GigyaException.invalid("UIDSignature", "does not match UID and signatureTimestamp");
    }
    if (Math.abs(Instant.now().getEpochSecond() - timestamp) > MAX_AGE_SECONDS) {
      throw new GigyaException(
          ErrorCode.REQUEST_HAS_EXPIRED,
          "signatureTimestamp is more than " + MAX_AGE_SECONDS + " seconds old");
    }
    if (caller.application() != null && caller.application().rsa()) {
      // The new signature is made with the caller's secret, and an RSA key has none.
      throw new GigyaException(
          ErrorCode.PERMISSION_DENIED,
          "An RSA application key has no secret to sign a UIDSignature with");
    }
    String secret =
        caller.application() != null ? sites.secretOf(caller.application()) : siteSecret;
    return Envelope.ok(call, UidSignatures.fresh(secret, uid));
  }
}
