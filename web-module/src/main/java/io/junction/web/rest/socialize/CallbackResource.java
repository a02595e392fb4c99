package io.junction.web.rest.socialize;

import io.junction.web.envelope.ApiCall;
import io.junction.web.oauth.BrowserCookies;
import io.junction.web.oauth.CallbackLeg;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** /GS/GSLogin.aspx: the one callback of every provider, as Gigya's. */
@Path("GS/GSLogin.aspx")
@RequestScoped
public class CallbackResource {

  @Inject ApiCall call;
  @Inject CallbackLeg callback;

  @CookieParam(BrowserCookies.FLOW)
  String flowCookie;

  @Context HttpHeaders headers;

  @GET
  @Operation(summary = "The provider callback (browser redirect)")
  public Response get() {
    return Redirects.to(callback.complete(call, flowCookie, Redirects.cookies(headers)));
  }

  @POST
  @Operation(hidden = true)
  public Response post() {
    return get();
  }
}
