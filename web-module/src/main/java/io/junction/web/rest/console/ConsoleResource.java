package io.junction.web.rest.console;

import io.junction.api.ErrorCode;
import io.junction.web.caller.Authentication;
import io.junction.web.config.JunctionConfig;
import io.junction.web.envelope.GigyaException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The administration console: one static page and its script and style, which talk to the admin
 * API. The page itself holds no data; a strict Content-Security-Policy allows only its own files.
 *
 * <p>The administrator types the password into this page, so it is served over HTTPS only (unless
 * {@code junction.admin.allow-http} is set): over plain HTTP a browser is sent to the same path on
 * the configured public URL when that is https (never to a host taken from the request), and is
 * otherwise refused with 403006.
 */
@Path("")
public class ConsoleResource {

  @Inject Authentication authentication;
  @Inject JunctionConfig config;
  @Context UriInfo uri;

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
    return overHttps().orElseGet(() -> file("index.html"));
  }

  @GET
  @Path("console/{file}")
  @Operation(hidden = true)
  public Response asset(@PathParam("file") String file) {
    return overHttps().orElseGet(() -> file(file));
  }

  /** Empty when this connection may carry the console; else the redirect to HTTPS. */
  private Optional<Response> overHttps() {
    if (authentication.administratorConnection()) {
      return Optional.empty();
    }
    String base = config.publicUrl();
    if (!base.startsWith("https://")) {
      throw new GigyaException(
          ErrorCode.SECRET_SENT_OVER_HTTP, "The console is served over HTTPS only", 403);
    }
    String path = uri.getPath(false);
    String query = uri.getRequestUri().getRawQuery();
    String target =
        base + (path.startsWith("/") ? "" : "/") + path + (query == null ? "" : "?" + query);
    return Optional.of(
        Response.status(Response.Status.TEMPORARY_REDIRECT)
            .location(URI.create(target))
            .header("Cache-Control", "no-store")
            .build());
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
