package io.junction.web.rest.admin;

import io.junction.web.audit.AdminChanges;
import io.junction.web.caller.Authentication;
import io.junction.web.envelope.ApiCall;
import io.junction.web.envelope.GigyaException;
import io.junction.web.site.ApplicationKey;
import io.junction.web.site.SiteService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A site's application keys (userKey + secret) for its servers' calls. */
@Path("admin/sites/{apiKey}/applications")
@AdminOnly
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Application keys", description = "userKey and secret pairs with their own permissions")
public class ApplicationKeyResource {

  private static final Set<String> FIELDS = Set.of("name", "permissions");
  private static final Pattern PERMISSION = Pattern.compile("\\*|[a-z]+\\.(\\*|[A-Za-z]+)");

  @Inject SiteService sites;
  @Inject ApiCall call;
  @Inject AdminChanges changes;
  @Inject Authentication authentication;

  @PathParam("apiKey")
  String apiKey;

  /** An application key as the admin API shows it; the secret only at creation. */
  public record ApplicationView(
      String userKey, String name, List<String> permissions, String createdAt, String secret) {}

  @POST
  @Operation(
      summary = "Create an application key; the answer holds its secret, shown only this once")
  public Response create() {
    AdminJson json = AdminJson.parse(call.body(), FIELDS);
    String name = json.string("name", true, 200);
    List<String> raw = json.strings("permissions", 50, 100);
    Set<String> permissions = new LinkedHashSet<>();
    for (String p : raw == null ? List.of("socialize.*") : raw) {
      if (!PERMISSION.matcher(p).matches()) {
        throw GigyaException.invalid(
            "permissions", "'" + p + "' is not a method, namespace.* or *");
      }
      permissions.add(p);
    }
    if (permissions.isEmpty()) {
      throw GigyaException.invalid("permissions", "at least one method or namespace.* is needed");
    }
    SiteService.CreatedApplication created =
        changes.createApplication(
            authentication.administrator(), apiKey, name, List.copyOf(permissions));
    ApplicationKey k = created.key();
    return Response.status(Response.Status.CREATED)
        .entity(
            new ApplicationView(
                k.userKey(), k.name(), k.permissions(), k.createdAt().toString(), created.secret()))
        .build();
  }

  @GET
  @Operation(summary = "List the site's application keys (never their secrets)")
  public Map<String, List<ApplicationView>> list() {
    return Map.of(
        "applications",
        sites.applications(apiKey).stream()
            .map(
                k ->
                    new ApplicationView(
                        k.userKey(), k.name(), k.permissions(), k.createdAt().toString(), null))
            .toList());
  }

  @DELETE
  @Path("{userKey}")
  @Operation(summary = "Delete an application key")
  public Response delete(@PathParam("userKey") String userKey) {
    changes.deleteApplication(authentication.administrator(), apiKey, userKey);
    return Response.noContent().build();
  }

  /** A new secret of an application key. */
  public record ApplicationSecret(String userKey, String secret) {}

  @POST
  @Path("{userKey}/secret")
  @Operation(summary = "Rotate an application key's secret; the answer holds the new one, once")
  public ApplicationSecret rotate(@PathParam("userKey") String userKey) {
    return new ApplicationSecret(
        userKey, changes.rotateApplicationSecret(authentication.administrator(), apiKey, userKey));
  }
}
