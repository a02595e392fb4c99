package io.junction.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The benchmark's ceiling: a constant 302 through the same server, filters and envelope machinery
 * as the real endpoints, so that bench/run can state each figure as a ratio to what the server can
 * do at all. Only in the benchmark's build (the {@code bench} Maven profile, which bench/run turns
 * on), and there off (404) unless {@code junction.bench.ceiling=true}.
 */
@Path("bench/ceiling")
public class BenchCeilingResource {

  private static final URI TARGET = URI.create("https://provider.example/authorize");

  @Inject
  @ConfigProperty(name = "junction.bench.ceiling", defaultValue = "false")
  boolean enabled;

  @GET
  @Operation(hidden = true)
  public Response ceiling() {
    if (!enabled) {
      throw new NotFoundException();
    }
    return Response.status(Response.Status.FOUND).location(TARGET).build();
  }
}
