package io.junction.web.rest.socialize;

import io.junction.web.envelope.ApiCall;
import io.junction.web.oauth.BrowserAnswer;
import io.junction.web.oauth.BrowserCookies;
import io.junction.web.oauth.BrowserRedirect;
import io.junction.web.oauth.SamlLegs;
import io.junction.web.oauth.SamlLogouts;
import io.junction.web.saml.SamlLogout;
import io.junction.web.saml.SamlMetadata;
import io.junction.web.saml.SamlService;
import io.junction.web.saml.SamlSpKeys;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A site's SAML 2.0 service provider: {@code /saml/v2.0/{apiKey}/sp/...}. */
@Path("saml/v2.0/{apiKey}/sp")
@RequestScoped
@Tag(name = "SAML", description = "Each site's SAML 2.0 service provider")
public class SamlSpResource {

  /** The media type of SAML metadata (RFC 7580 registers it; OASIS metadata 4.1). */
  static final String METADATA_TYPE = "application/samlmetadata+xml";

  @Inject SamlService saml;
  @Inject SamlSpKeys keys;
  @Inject SamlLegs legs;
  @Inject SamlLogouts logouts;
  @Inject ApiCall call;

  @CookieParam(BrowserCookies.BROWSER)
  String flowCookie;

  @Context HttpHeaders headers;

  @PathParam("apiKey")
  String apiKey;

  @GET
  @Path("metadata")
  @Operation(summary = "The site's service-provider metadata (its entity ID is this URL)")
  public Response metadata() {
    saml.site(apiKey);
    SamlService.SpUrls urls = saml.spUrls(apiKey);
    String xml =
        SamlMetadata.writeSp(urls.entityId(), urls.acs(), urls.slo(), keys.of(apiKey).certBase64());
    return Response.ok(xml, METADATA_TYPE + ";charset=UTF-8").build();
  }

  @GET
  @Path("slo")
  @Operation(summary = "Single logout: a LogoutRequest or LogoutResponse (HTTP-Redirect binding)")
  public Response sloByRedirect(@Context UriInfo uri) {
    return Redirects.to(
        logouts.receive(apiKey, SamlLogout.fromRedirect(uri.getRequestUri().getRawQuery())));
  }

  @POST
  @Path("slo")
  @Operation(summary = "Single logout: a LogoutRequest or LogoutResponse (HTTP-POST binding)")
  public Response sloByPost() {
    BrowserAnswer answer =
        logouts.receive(
            apiKey,
            SamlLogout.fromPost(
                call.paramOrNull("SAMLRequest"),
                call.paramOrNull("SAMLResponse"),
                call.paramOrNull("RelayState")));
    return answer instanceof BrowserRedirect r ? Redirects.seeOther(r) : Redirects.to(answer);
  }

  @GET
  @Path("sso")
  @Operation(
      summary =
          "The page that posts a pending login's signed AuthnRequest to the identity provider"
              + " (HTTP-POST binding)")
  public Response sso(@QueryParam("RelayState") String relayState) {
    return Redirects.to(legs.authnPost(apiKey, relayState, flowCookie));
  }

  @POST
  @Path("acs")
  @Operation(summary = "The assertion consumer service (HTTP-POST binding)")
  public Response acs() {
    BrowserAnswer answer = legs.acs(call, apiKey, flowCookie, Redirects.cookies(headers));
    // 303 after the POST: the browser goes on to the site with a GET.
    return answer instanceof BrowserRedirect r ? Redirects.seeOther(r) : Redirects.to(answer);
  }
}
