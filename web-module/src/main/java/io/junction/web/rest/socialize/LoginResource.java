package io.junction.web.rest.socialize;

import io.junction.web.envelope.ApiCall;
import io.junction.web.oauth.BrowserCookies;
import io.junction.web.oauth.FirstLeg;
import io.junction.web.oauth.HttpsFirst;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** socialize.login: the OAuth 2.0 authorization endpoint; sends the browser to the provider. */
@Path("socialize.login")
@RequestScoped
@Tag(name = "Socialize")
public class LoginResource {

  @Inject ApiCall call;
  @Inject FirstLeg flows;
  @Inject HttpsFirst httpsFirst;

  @CookieParam(BrowserCookies.BROWSER)
  String flowCookie;

  @Context UriInfo uri;

  @GET
  @Operation(summary = "Log in with a social network (browser redirect)")
  public Response get() {
    return answer(Response.Status.FOUND);
  }

  @POST
  @Operation(summary = "Log in with a social network (browser redirect)")
  public Response post() {
    // 307: the browser repeats the POST, with its body, at the HTTPS address.
    return answer(Response.Status.TEMPORARY_REDIRECT);
  }

  private Response answer(Response.Status toHttps) {
    call.preferHttpStatusCodes();
    Optional<String> https =
        httpsFirst.httpsLocation(call, uri.getPath(false), uri.getRequestUri().getRawQuery());
    if (https.isPresent()) {
      return Redirects.to(https.get(), toHttps);
    }
    return Redirects.to(flows.startLogin(call, flowCookie));
  }
}
