package io.junction.web.rest.socialize;

import io.junction.provider.ProviderCatalog;
import io.junction.web.account.ProviderSessions;
import io.junction.web.caller.Caller;
import io.junction.web.envelope.Envelope;
import io.junction.web.envelope.Parameters;
import io.junction.web.security.GigyaSignature;
import io.junction.web.security.Randoms;
import io.junction.web.security.SessionTokenEncryption;
import io.junction.web.security.SessionTokenEncryption.Padding;
import io.junction.web.site.SiteService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * socialize.getSessionInfo: the user's session at a provider (its access token, renewed when it has
 * expired). Over plain HTTP (a signed call) the token is AES-encrypted with the site secret.
 */
@Path("socialize.getSessionInfo")
@RequestScoped
@Tag(name = "Socialize")
public class GetSessionInfoResource extends ServerMethodResource {

  @Inject ProviderSessions sessions;
  @Inject ProviderCatalog catalog;
  @Inject SiteService sites;

  @Override
  protected Response answer(Caller caller) {
    String name = Parameters.required(call, "provider");
    Padding padding = Padding.of(call.paramOrNull("paddingMode"));
    boolean encryptAll = Parameters.bool(call, "encryptAll");
    boolean signIds = Parameters.bool(call, "signIDs");
    ProviderSessions.Live live =
        sessions.session(
            caller.site(), caller.account(), Parameters.provider(catalog, name, "provider").id());
    Map<String, Object> data = new LinkedHashMap<>();
    String providerUid = live.identity().providerUid();
    String secret = sites.secretOf(caller.site());
    if (call.secure()) {
      data.put("authToken", live.accessToken());
      data.put("providerUID", providerUid);
    } else {
      byte[] iv = Randoms.bytes(16);
      data.put(
          "authToken", SessionTokenEncryption.encrypt(secret, iv, live.accessToken(), padding));
      data.put(
          "providerUID",
          encryptAll
              ? SessionTokenEncryption.encrypt(secret, iv, providerUid, padding)
              : providerUid);
      data.put("IV", Base64.getEncoder().encodeToString(iv));
    }
    Instant expires = live.identity().tokenExpiresAt();
    if (expires != null) {
      data.put("tokenExpiration", expires.getEpochSecond());
      data.put("tokenExpirationUTC", expires.toString());
    }
    if (signIds) {
      long now = Instant.now().getEpochSecond();
      data.put("timestamp", Long.toString(now));
      data.put("providerUIDSig", GigyaSignature.hmac(secret, now + "_" + providerUid));
    }
    return Response.fromResponse(Envelope.ok(call, data))
        .header("Cache-Control", "no-store")
        .build();
  }
}
