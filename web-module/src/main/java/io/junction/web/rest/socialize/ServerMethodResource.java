package io.junction.web.rest.socialize;

import io.junction.web.caller.Authentication;
import io.junction.web.caller.Caller;
import io.junction.web.envelope.ApiCall;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A server method of the Socialize API, by GET or POST alike: the caller is authenticated by the
 * method's rule ({@link io.junction.web.caller.MethodAccess}) before {@link #answer} runs, and the
 * answer is JSON or XML in the envelope. No transaction spans a method: its services open their
 * own, short ones, so that no provider call happens inside one.
 */
public abstract class ServerMethodResource {

  @Inject protected ApiCall call;
  @Inject Authentication authentication;

  /** The answer for an authenticated caller. */
  protected abstract Response answer(Caller caller);

  @GET
  @Operation(hidden = true)
  public Response get() {
    return answer(authentication.serverMethod());
  }

  @POST
  @Operation(hidden = true)
  public Response post() {
    return get();
  }
}
