package io.junction.web.rest.socialize;

import io.junction.web.caller.Authentication;
import io.junction.web.caller.Caller;
import io.junction.web.envelope.ApiCall;
import io.junction.web.envelope.Envelope;
import io.junction.web.oauth.TokenGrants;
import io.junction.web.oauth.TokenService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * socialize.getToken, the OAuth 2.0 token endpoint (HTTPS, POST): the client authenticates ({@link
 * Authentication#tokenClient}), then the grant issues the token ({@link TokenGrants}).
 */
@Path("socialize.getToken")
@RequestScoped
@Tag(name = "Socialize")
public class GetTokenResource {

  @Inject ApiCall call;
  @Inject Authentication authentication;
  @Inject TokenGrants grants;

  @POST
  @Operation(summary = "Exchange a code, or open an anonymous or site-user session")
  public Response token() {
    Caller client = authentication.tokenClient();
    TokenService.Issued issued = grants.grant(call, client.site(), client.client());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("access_token", issued.token());
    data.put("expires_in", issued.expiresIn());
    return Response.fromResponse(Envelope.ok(call, data))
        .header("Cache-Control", "no-store")
        .build();
  }
}
