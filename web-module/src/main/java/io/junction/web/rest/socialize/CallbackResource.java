package io.junction.web.rest.socialize;

import io.junction.web.envelope.ApiCall;
import io.junction.web.oauth.BrowserCookies;
import io.junction.web.oauth.CallbackLeg;
import io.junction.web.oauth.SecureCallback;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** /GS/GSLogin.aspx: the one callback of every provider, as Gigya's. */
@Path("GS/GSLogin.aspx")
@RequestScoped
public class CallbackResource {

  @Inject ApiCall call;
  @Inject CallbackLeg callback;
  @Inject SecureCallback secureCallback;

  @CookieParam(BrowserCookies.BROWSER)
  String flowCookie;

  @Context HttpHeaders headers;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "The provider callback (browser redirect)")
  public Response get() {
    return answer(Response.Status.FOUND);
  }

  @POST
  @Operation(hidden = true)
  public Response post() {
    // 307: the browser repeats the POST, with its body, at the HTTPS address.
    return answer(Response.Status.TEMPORARY_REDIRECT);
  }

  private Response answer(Response.Status toHttps) {
    Optional<String> https = secureCallback.httpsLocation(call, uri.getRequestUri().getRawQuery());
    if (https.isPresent()) {
      return Redirects.to(https.get(), toHttps);
    }
    return Redirects.to(callback.complete(call, flowCookie, Redirects.cookies(headers)));
  }
}
