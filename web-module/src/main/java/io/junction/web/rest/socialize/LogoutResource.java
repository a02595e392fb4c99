package io.junction.web.rest.socialize;

import io.junction.web.caller.Caller;
import io.junction.web.envelope.Envelope;
import io.junction.web.oauth.SamlLogouts;
import io.junction.web.oauth.TokenService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * socialize.logout: ends the oauth_token's session, or with server credentials every session of
 * UID; for a user who came through SAML identity providers with a single logout service, answers
 * {@code samlLogoutUrls}, each a signed LogoutRequest to send the browser to.
 */
@Path("socialize.logout")
@RequestScoped
@Tag(name = "Socialize")
public class LogoutResource extends ServerMethodResource {

  @Inject TokenService tokens;
  @Inject SamlLogouts samlLogouts;

  @Override
  protected Response answer(Caller caller) {
    // Where the browser signs out of the SAML identity providers it came through, if any.
    List<String> saml = samlLogouts.logoutUrls(caller.site().apiKey(), caller.account().id());
    if (caller.userSession()) {
      tokens.revoke(caller.tokenValue());
    } else {
      tokens.revokeAll(caller.account().id());
    }
    return Envelope.ok(call, saml.isEmpty() ? Map.of() : Map.of("samlLogoutUrls", saml));
  }
}
