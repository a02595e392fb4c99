package io.junction.web.rest.socialize;

import io.junction.web.caller.Caller;
import io.junction.web.envelope.Envelope;
import io.junction.web.oauth.TokenService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * socialize.logout: ends the oauth_token's session, or with server credentials every session of
 * UID.
 */
@Path("socialize.logout")
@RequestScoped
@Tag(name = "Socialize")
public class LogoutResource extends ServerMethodResource {

  @Inject TokenService tokens;

  @Override
  protected Response answer(Caller caller) {
    if (caller.userSession()) {
      tokens.revoke(caller.tokenValue());
    } else {
      tokens.revokeAll(caller.account().id());
    }
    return Envelope.ok(call, Map.of());
  }
}
