package io.junction.web.rest.socialize;

import io.junction.api.ErrorCode;
import io.junction.web.envelope.GigyaException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Any {@code /<namespace>.<method>} (or {@code /<namespace>.<sub>.<method>}) that no resource
 * implements: 405001 Invalid API method, in the envelope the caller asked for. Resources of real
 * methods have literal paths, which JAX-RS prefers to this template.
 */
@Path("{method: [A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+){1,2}}")
public class UnknownMethodResource {

  @GET
  @Operation(hidden = true)
  public void get(@PathParam("method") String method) {
    throw unknown(method);
  }

  @POST
  @Operation(hidden = true)
  public void post(@PathParam("method") String method) {
    throw unknown(method);
  }

  private static GigyaException unknown(String method) {
    return new GigyaException(
        ErrorCode.INVALID_API_METHOD, "The API method " + method + " does not exist");
  }
}
