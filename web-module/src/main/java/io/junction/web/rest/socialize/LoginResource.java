package io.junction.web.rest.socialize;

import io.junction.web.envelope.ApiCall;
import io.junction.web.oauth.BrowserCookies;
import io.junction.web.oauth.FirstLeg;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** socialize.login: the OAuth 2.0 authorization endpoint; sends the browser to the provider. */
@Path("socialize.login")
@RequestScoped
@Tag(name = "Socialize")
public class LoginResource {

  @Inject ApiCall call;
  @Inject FirstLeg flows;

  @CookieParam(BrowserCookies.BROWSER)
  String flowCookie;

  @GET
  @Operation(summary = "Log in with a social network (browser redirect)")
  public Response get() {
    call.preferHttpStatusCodes();
    return Redirects.to(flows.startLogin(call, flowCookie));
  }

  @POST
  @Operation(summary = "Log in with a social network (browser redirect)")
  public Response post() {
    return get();
  }
}
