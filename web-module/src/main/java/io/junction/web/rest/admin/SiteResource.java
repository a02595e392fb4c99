package io.junction.web.rest.admin;

import io.junction.web.audit.AdminChanges;
import io.junction.web.caller.Authentication;
import io.junction.web.config.JunctionConfig;
import io.junction.web.db.Contention;
import io.junction.web.envelope.ApiCall;
import io.junction.web.envelope.GigyaException;
import io.junction.web.rest.admin.AdminViews.SecretView;
import io.junction.web.rest.admin.AdminViews.SiteList;
import io.junction.web.rest.admin.AdminViews.SiteView;
import io.junction.web.security.RedirectUris;
import io.junction.web.site.GuestMerge;
import io.junction.web.site.HostNames;
import io.junction.web.site.Site;
import io.junction.web.site.SiteService;
import io.junction.web.site.SiteSettings;
import io.junction.web.site.SocialPermissions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sites: API keys with their secrets, domains, CNAME and data center. */
@Path("admin/sites")
@AdminOnly
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sites", description = "API keys of the sites that use Junction")
public class SiteResource {

  private static final Set<String> FIELDS =
      Set.of(
          "name",
          "domains",
          "cname",
          "dataCenter",
          "retrieveContacts",
          "retrieveFriends",
          "publishStatus",
          "publishUserActions",
          "retrievePhotos",
          "revokeTokensOnSecretRotation",
          "redirectUris",
          "allowImplicit",
          "requirePkce",
          "connectConfirmation",
          "guestMerge");

  @Inject SiteService sites;
  @Inject JunctionConfig config;
  @Inject ApiCall call;
  @Inject AdminChanges changes;
  @Inject Authentication authentication;

  @POST
  @Operation(summary = "Create a site; the answer holds its secret, shown only this once")
  public Response create() {
    SiteService.CreatedSite created =
        changes.createSite(authentication.administrator(), settings());
    return Response.status(Response.Status.CREATED)
        .entity(view(created.site(), created.secret()))
        .build();
  }

  @GET
  @Operation(summary = "List the sites")
  public SiteList list() {
    return new SiteList(sites.list().stream().map(SiteResource::view).toList());
  }

  @GET
  @Path("{apiKey}")
  @Operation(summary = "Read a site (never its secret)")
  public SiteView get(@PathParam("apiKey") String apiKey) {
    return view(sites.get(apiKey));
  }

  @PUT
  @Path("{apiKey}")
  @Operation(summary = "Replace a site's settings")
  public SiteView update(@PathParam("apiKey") String apiKey) {
    return view(changes.updateSite(authentication.administrator(), apiKey, settings()));
  }

  @DELETE
  @Path("{apiKey}")
  @Operation(summary = "Delete a site and its provider configurations")
  public Response delete(@PathParam("apiKey") String apiKey) {
    // Run again when it lost a race (an account created meanwhile).
    Contention.retry(() -> changes.deleteSite(authentication.administrator(), apiKey));
    return Response.noContent().build();
  }

  @POST
  @Path("{apiKey}/secret")
  @Operation(summary = "Rotate a site's secret; the answer holds the new one, shown only this once")
  public SecretView rotate(@PathParam("apiKey") String apiKey) {
    return new SecretView(apiKey, changes.rotateSiteSecret(authentication.administrator(), apiKey));
  }

  static SiteView view(Site s) {
    return view(s, null);
  }

  /** The site as the admin API shows it; its secret only when just created. */
  private static SiteView view(Site s, String secret) {
    return new SiteView(
        s.apiKey(),
        secret,
        s.name(),
        s.domains(),
        s.cname(),
        s.dataCenter(),
        s.retrieveContacts(),
        s.social().retrieveFriends(),
        s.social().publishStatus(),
        s.social().publishUserActions(),
        s.social().retrievePhotos(),
        s.revokeTokensOnSecretRotation(),
        s.redirectUris(),
        s.allowImplicit(),
        s.requirePkce(),
        s.connectConfirmation(),
        s.guestMerge().value(),
        s.createdAt().toString(),
        s.updatedAt().toString());
  }

  private SiteSettings settings() {
    AdminJson json = AdminJson.parse(call.body(), FIELDS);
    String name = json.string("name", true, 200);
    List<String> rawDomains = json.strings("domains", 100, 253);
    if (rawDomains == null || rawDomains.isEmpty()) {
      throw GigyaException.missing("domains");
    }
    Set<String> domains = new LinkedHashSet<>();
    for (String raw : rawDomains) {
      domains.add(
          HostNames.normalize(raw)
              .orElseThrow(
                  () ->
                      GigyaException.invalid(
                          "domains",
                          "'" + raw + "' is not a host name (no scheme, port or path)")));
    }
    String cname = json.string("cname", false, 253);
    if (cname != null) {
      String raw = cname;
      cname =
          HostNames.normalize(raw)
              .orElseThrow(
                  () -> GigyaException.invalid("cname", "'" + raw + "' is not a host name"));
    }
    String dataCenter = json.string("dataCenter", false, 8);
    if (dataCenter == null) {
      dataCenter = config.dataCenter();
    } else {
      dataCenter = dataCenter.toLowerCase(Locale.ROOT);
      if (!JunctionConfig.DATA_CENTERS.contains(dataCenter)) {
        throw GigyaException.invalid("dataCenter", "must be one of " + JunctionConfig.DATA_CENTERS);
      }
    }
    boolean retrieveContacts = json.bool("retrieveContacts", false);
    boolean revokeTokens = json.bool("revokeTokensOnSecretRotation", false);
    List<String> rawRedirectUris = json.strings("redirectUris", 100, 2048);
    Set<String> redirectUris = new LinkedHashSet<>();
    for (String raw : rawRedirectUris == null ? List.<String>of() : rawRedirectUris) {
      try {
        redirectUris.add(RedirectUris.validate(raw, List.copyOf(domains)));
      } catch (GigyaException e) {
        throw GigyaException.invalid(
            "redirectUris", "'" + raw + "' is not an https URL on one of the site's domains");
      }
    }
    String rawGuestMerge = json.string("guestMerge", false, 16);
    GuestMerge guestMerge =
        rawGuestMerge == null
            ? GuestMerge.CONFIRM
            : GuestMerge.of(rawGuestMerge)
                .orElseThrow(
                    () -> GigyaException.invalid("guestMerge", "must be confirm, never or always"));
    return new SiteSettings(
        name,
        new ArrayList<>(domains),
        cname,
        dataCenter,
        retrieveContacts,
        revokeTokens,
        new ArrayList<>(redirectUris),
        json.bool("allowImplicit", true),
        json.bool("requirePkce", false),
        json.bool("connectConfirmation", true),
        guestMerge,
        new SocialPermissions(
            json.bool("retrieveFriends", false),
            json.bool("publishStatus", false),
            json.bool("publishUserActions", false),
            json.bool("retrievePhotos", false)));
  }
}
