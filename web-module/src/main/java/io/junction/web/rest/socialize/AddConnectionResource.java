package io.junction.web.rest.socialize;

import io.junction.web.caller.Authentication;
import io.junction.web.caller.Caller;
import io.junction.web.envelope.ApiCall;
import io.junction.web.oauth.BrowserCookies;
import io.junction.web.oauth.ConnectConfirmation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * socialize.addConnection: connects the token's user (or, for an anonymous session, this browser)
 * to another social network; from a browser other than the one that obtained a user's token, after
 * the user confirms on a page.
 */
@Path("socialize.addConnection")
@RequestScoped
@Tag(name = "Socialize")
public class AddConnectionResource {

  @Inject ApiCall call;
  @Inject ConnectConfirmation connections;
  @Inject Authentication authentication;

  @CookieParam(BrowserCookies.BROWSER)
  String flowCookie;

  @GET
  @Operation(summary = "Connect a social network (browser redirect)")
  public Response get() {
    call.preferHttpStatusCodes();
    Caller caller = authentication.browserToken();
    return Redirects.to(connections.start(call, caller.site(), caller.token(), flowCookie));
  }

  @POST
  @Operation(summary = "Connect a social network (browser redirect)")
  public Response post() {
    return get();
  }
}
