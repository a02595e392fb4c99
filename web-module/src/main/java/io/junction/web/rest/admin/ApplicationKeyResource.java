package io.junction.web.rest.admin;

import io.junction.web.audit.AdminChanges;
import io.junction.web.caller.Authentication;
import io.junction.web.envelope.ApiCall;
import io.junction.web.envelope.GigyaException;
import io.junction.web.security.RsaKeys;
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

/**
 * A site's application keys for its servers' calls: a userKey with a secret, or with an RSA key
 * pair whose private key signs the JWTs of Gigya's {@code GSAuthRequest}.
 */
@Path("admin/sites/{apiKey}/applications")
@AdminOnly
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Application keys",
    description = "userKeys with their own permissions, proven by a secret or an RSA key pair")
public class ApplicationKeyResource {

  private static final Set<String> FIELDS = Set.of("name", "permissions", "keyType", "publicKey");
  private static final Set<String> KEY_PAIR_FIELDS = Set.of("publicKey");
  private static final Pattern PERMISSION =
      Pattern.compile("\\*|[a-z]+(?:\\.[a-z]+)?\\.(?:\\*|[A-Za-z]+)");
  private static final int MAX_PUBLIC_KEY = 8000;

  @Inject SiteService sites;
  @Inject ApiCall call;
  @Inject AdminChanges changes;
  @Inject Authentication authentication;

  @PathParam("apiKey")
  String apiKey;

  /**
   * An application key as the admin API shows it: its {@code keyType} ({@code secret} or {@code
   * rsa}), an RSA key's public key (Base64 X.509), and only at creation its secret or the generated
   * private key (Base64 PKCS#8, as the Gigya SDKs read it).
   */
  public record ApplicationView(
      String userKey,
      String name,
      List<String> permissions,
      String createdAt,
      String keyType,
      String publicKey,
      String keyRotatedAt,
      String secret,
      String privateKey) {}

  @POST
  @Operation(
      summary =
          "Create an application key; the answer holds its secret or generated private key, shown"
              + " only this once")
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
    String publicKey = publicKey(json);
    String keyType = json.string("keyType", false, 10);
    if (keyType == null) {
      keyType = publicKey != null ? "rsa" : "secret";
    }
    SiteService.CreatedApplication created =
        switch (keyType) {
          case "secret" -> {
            if (publicKey != null) {
              throw GigyaException.invalid(
                  "publicKey", "a secret key has no public key; give keyType rsa");
            }
            yield changes.createApplication(
                authentication.administrator(), apiKey, name, List.copyOf(permissions));
          }
          case "rsa" ->
              changes.createRsaApplication(
                  authentication.administrator(),
                  apiKey,
                  name,
                  List.copyOf(permissions),
                  publicKey);
          default -> throw GigyaException.invalid("keyType", "must be secret or rsa");
        };
    return Response.status(Response.Status.CREATED).entity(view(created)).build();
  }

  @GET
  @Operation(summary = "List the site's application keys (never a secret or a private key)")
  public Map<String, List<ApplicationView>> list() {
    return Map.of(
        "applications",
        sites.applications(apiKey).stream()
            .map(k -> view(new SiteService.CreatedApplication(k, null, null)))
            .toList());
  }

  @POST
  @Path("{userKey}/keyPair")
  @Operation(
      summary =
          "Give an RSA application key a new key pair, keeping its userKey: the body's publicKey,"
              + " or a generated pair whose private key is shown only this once")
  public ApplicationView replaceKeyPair(@PathParam("userKey") String userKey) {
    String publicKey =
        call.body().length == 0 ? null : publicKey(AdminJson.parse(call.body(), KEY_PAIR_FIELDS));
    return view(changes.replaceKeyPair(authentication.administrator(), apiKey, userKey, publicKey));
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

  /** The body's public key (PEM or Base64 X.509), normalised; null when absent. */
  private static String publicKey(AdminJson json) {
    String given = json.multiline("publicKey", MAX_PUBLIC_KEY);
    return given == null ? null : RsaKeys.normalizedPublicKey("publicKey", given);
  }

  private static ApplicationView view(SiteService.CreatedApplication created) {
    ApplicationKey k = created.key();
    return new ApplicationView(
        k.userKey(),
        k.name(),
        k.permissions(),
        k.createdAt().toString(),
        k.rsa() ? "rsa" : "secret",
        k.publicKey(),
        k.keyRotatedAt() == null ? null : k.keyRotatedAt().toString(),
        created.secret(),
        created.privateKey());
  }
}
