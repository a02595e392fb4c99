package io.junction.web.rest.socialize;

import io.junction.web.envelope.ApiCall;
import io.junction.web.oauth.BrowserCookies;
import io.junction.web.oauth.ConfirmationLeg;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * /GS/confirm: the answer to a page Junction showed in the middle of a flow (guest connections at a
 * login, a connection from another browser), by POST only.
 */
@Path("GS/confirm")
@RequestScoped
public class ConfirmResource {

  @Inject ApiCall call;
  @Inject ConfirmationLeg confirmation;

  @CookieParam(BrowserCookies.BROWSER)
  String browserCookie;

  @POST
  @Operation(hidden = true)
  public Response post() {
    return Redirects.seeOther(confirmation.answer(call, browserCookie));
  }
}
