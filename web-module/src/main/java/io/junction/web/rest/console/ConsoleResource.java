package io.junction.web.rest.console;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The administration console: one static page and its script and style, which talk to the admin
 * API. The page itself holds no data; a strict Content-Security-Policy allows only its own files.
 */
@Path("")
public class ConsoleResource {

  private static final Map<String, String> TYPES =
      Map.of(
          "index.html", "text/html;charset=utf-8",
          "console.js", "text/javascript;charset=utf-8",
          "console.css", "text/css;charset=utf-8");
  private static final Map<String, byte[]> FILES = new ConcurrentHashMap<>();

  @GET
  @Operation(hidden = true)
  public Response root() {
    return Response.seeOther(URI.create("/console")).build();
  }

  @GET
  @Path("console")
  @Operation(hidden = true)
  public Response page() {
    return file("index.html");
  }

  @GET
  @Path("console/{file}")
  @Operation(hidden = true)
  public Response asset(@PathParam("file") String file) {
    return file(file);
  }

  private static Response file(String name) {
    String type = TYPES.get(name);
    if (type == null) {
      throw new NotFoundException();
    }
    byte[] bytes = FILES.computeIfAbsent(name, ConsoleResource::load);
    return Response.ok(bytes, type)
        .header(
            "Content-Security-Policy",
            "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
        .header("X-Content-Type-Options", "nosniff")
        .header("X-Frame-Options", "DENY")
        .header("Referrer-Policy", "no-referrer")
        .header("Cache-Control", "no-cache")
        .build();
  }

  private static byte[] load(String name) {
    try (InputStream in = ConsoleResource.class.getResourceAsStream("/console/" + name)) {
      if (in == null) {
        throw new NotFoundException();
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
