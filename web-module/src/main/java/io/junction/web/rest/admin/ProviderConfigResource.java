package io.junction.web.rest.admin;

import io.junction.api.ProviderInfo;
import io.junction.provider.ProviderCatalog;
import io.junction.provider.PublicAddresses;
import io.junction.web.audit.AdminChanges;
import io.junction.web.caller.Authentication;
import io.junction.web.envelope.ApiCall;
import io.junction.web.envelope.GigyaException;
import io.junction.web.envelope.Parameters;
import io.junction.web.rest.admin.AdminViews.ProviderList;
import io.junction.web.rest.admin.AdminViews.ProviderView;
import io.junction.web.rest.admin.AdminViews.SamlView;
import io.junction.web.rest.admin.AdminViews.ServiceProviderView;
import io.junction.web.saml.SamlIdpSettings;
import io.junction.web.saml.SamlService;
import io.junction.web.saml.SamlSpKeys;
import io.junction.web.site.HostNames;
import io.junction.web.site.ProviderConfig;
import io.junction.web.site.ProviderSettings;
import io.junction.web.site.Site;
import io.junction.web.site.SiteService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A site's application at each social network: its ID, keys, secret and switches. */
@Path("admin/sites/{apiKey}/providers")
@AdminOnly
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Providers", description = "Social network applications of a site")
public class ProviderConfigResource {

  private static final Set<String> FIELDS =
      Set.of(
          "appId",
          "publicKey",
          "secretKey",
          "cnameEnabled",
          "secureRedirectsOnly",
          "enabled",
          "permissions",
          "issuer",
          "allowedHosts");

  /** The most hosts an oidc-&lt;name&gt; provider may list besides its issuer's. */
  private static final int MAX_ALLOWED_HOSTS = 20;

  @Inject SiteService sites;
  @Inject ProviderCatalog catalog;
  @Inject PublicAddresses addresses;
  @Inject ApiCall call;
  @Inject AdminChanges changes;
  @Inject Authentication authentication;

  @PathParam("apiKey")
  String apiKey;

  @Inject SamlService saml;
  @Inject SamlSpKeys spKeys;
  @Inject SamlIdps samlIdps;

  @GET
  @Operation(summary = "List the site's provider configurations (secret keys masked)")
  public ProviderList list() {
    Site site = sites.get(apiKey);
    return new ProviderList(sites.providers(apiKey).stream().map(p -> view(site, p)).toList());
  }

  @GET
  @Path("{provider}")
  @Operation(summary = "Read one provider configuration (secret key masked)")
  public ProviderView get(@PathParam("provider") String provider) {
    ProviderInfo info = resolve(provider);
    Site site = sites.get(apiKey);
    return view(site, sites.provider(apiKey, info.id()));
  }

  @PUT
  @Path("{provider}")
  @Operation(summary = "Create or replace a provider configuration; omit secretKey to keep it")
  public Response put(@PathParam("provider") String provider) {
    ProviderInfo info = resolve(provider);
    if (ProviderCatalog.isSaml(info.id())) {
      return putSaml(info);
    }
    ProviderSettings settings = settings(info);
    SiteService.PutProvider put =
        changes.putProvider(authentication.administrator(), apiKey, info, settings);
    Site site = sites.get(apiKey);
    return Response.status(put.created() ? Response.Status.CREATED : Response.Status.OK)
        .entity(view(site, put.config()))
        .build();
  }

  @DELETE
  @Path("{provider}")
  @Operation(summary = "Remove a provider configuration")
  public Response delete(@PathParam("provider") String provider) {
    changes.deleteProvider(authentication.administrator(), apiKey, resolve(provider).id());
    return Response.noContent().build();
  }

  /**
   * A SAML identity provider: read (its metadata fetched outside any transaction) and stored with
   * its provider configuration and audit record in one transaction, by {@link SamlIdps}.
   */
  private Response putSaml(ProviderInfo info) {
    SamlService.PutIdp put =
        samlIdps.put(authentication.administrator(), apiKey, info, call.body());
    Site site = sites.get(apiKey);
    return Response.status(put.created() ? Response.Status.CREATED : Response.Status.OK)
        .entity(view(site, put.config()))
        .build();
  }

  private ProviderInfo resolve(String provider) {
    return catalog
        .resolve(provider)
        .orElseThrow(
            () ->
                GigyaException.invalid(
                    "provider",
                    "'"
                        + provider
                        + "' is not supported; the providers are "
                        + catalog.supportedNames()));
  }

  private ProviderView view(Site site, ProviderConfig p) {
    ProviderInfo info = catalog.resolve(p.provider()).orElseThrow();
    if (ProviderCatalog.isSaml(p.provider())) {
      SamlService.SpUrls sp = saml.spUrls(site.apiKey());
      return new ProviderView(
          p.provider(),
          info.displayName(),
          null,
          null,
          null,
          p.cnameEnabled(),
          p.secureRedirectsOnly(),
          p.enabled(),
          List.of(),
          List.of(sp.acs()),
          null,
          null,
          p.updatedAt().toString(),
          samlView(site, p));
    }
    return new ProviderView(
        p.provider(),
        info.displayName(),
        p.appId(),
        p.publicKey(),
        sites.maskedSecret(p),
        p.cnameEnabled(),
        p.secureRedirectsOnly(),
        p.enabled(),
        p.permissions().isEmpty() ? info.defaultPermissions() : p.permissions(),
        sites.callbackUrls(site, p),
        p.issuer(),
        ProviderCatalog.isCustomOidc(p.provider()) ? p.allowedHosts() : null,
        p.updatedAt().toString(),
        null);
  }

  private SamlView samlView(Site site, ProviderConfig p) {
    SamlIdpSettings s = saml.idp(site.apiKey(), p.provider()).settings();
    SamlService.SpUrls sp = saml.spUrls(site.apiKey());
    return new SamlView(
        s.entityId(),
        s.ssoUrl(),
        s.ssoBinding(),
        s.sloUrl(),
        s.sloBinding(),
        s.nameIdFormat(),
        s.attributeMap(),
        s.certificates(),
        s.allowUnsolicited(),
        s.unsolicitedRedirectUri(),
        new ServiceProviderView(
            sp.entityId(),
            sp.metadata(),
            sp.acs(),
            SamlIdpSettings.POST,
            sp.slo(),
            spKeys.of(site.apiKey()).certBase64()));
  }

  private ProviderSettings settings(ProviderInfo info) {
    AdminJson json = AdminJson.parse(call.body(), FIELDS);
    String appId = json.string("appId", true, 256);
    String publicKey = json.string("publicKey", info.usesPublicKey(), 256);
    String secretKey = json.string("secretKey", false, 512);
    List<String> raw = json.strings("permissions", 50, 100);
    Set<String> permissions = new LinkedHashSet<>();
    if (raw != null) {
      for (String p : raw) {
        if (!Parameters.isPermissionName(p)) {
          throw GigyaException.invalid("permissions", "'" + p + "' is not a permission name");
        }
        permissions.add(p);
      }
    }
    boolean custom = ProviderCatalog.isCustomOidc(info.id());
    String issuer = json.string("issuer", custom, 500);
    if (issuer != null) {
      if (!custom) {
        throw GigyaException.invalid("issuer", "only oidc-<name> providers take an issuer");
      }
      checkIssuer(issuer);
    }
    List<String> allowedHosts = allowedHosts(json, custom);
    return new ProviderSettings(
        appId,
        publicKey,
        secretKey,
        json.bool("cnameEnabled", false),
        json.bool("secureRedirectsOnly", true),
        json.bool("enabled", true),
        List.copyOf(permissions),
        issuer,
        allowedHosts);
  }

  /**
   * An oidc-&lt;name&gt; provider's issuer: an https URL without user, query or fragment (plain
   * http on loopback only where {@code junction.provider.allow-private-addresses} allows private
   * addresses) whose host is not a private address. A name that does not resolve yet is accepted:
   * the connector checks every address again at each use.
   */
  void checkIssuer(String issuer) {
    URI u;
    try {
      u = new URI(issuer);
    } catch (URISyntaxException e) {
      throw GigyaException.invalid("issuer", "must be an https URL without query or fragment");
    }
    if (u.getHost() == null
        || u.getRawUserInfo() != null
        || u.getRawQuery() != null
        || u.getRawFragment() != null) {
      throw GigyaException.invalid("issuer", "must be an https URL without query or fragment");
    }
    try {
      addresses.checkHttps(u);
    } catch (PublicAddresses.Refused e) {
      if (e.reason() != PublicAddresses.Reason.UNRESOLVED) {
        throw GigyaException.invalid("issuer", e.getMessage());
      }
    }
  }

  /**
   * The hosts an oidc-&lt;name&gt; provider's endpoints may be on besides its issuer's: host names
   * (normalised) whose addresses are not private; one that does not resolve yet is accepted.
   */
  List<String> allowedHosts(AdminJson json, boolean custom) {
    List<String> raw = json.strings("allowedHosts", MAX_ALLOWED_HOSTS, 253);
    if (raw == null || raw.isEmpty()) {
      return List.of();
    }
    if (!custom) {
      throw GigyaException.invalid("allowedHosts", "only oidc-<name> providers take allowedHosts");
    }
    Set<String> hosts = new LinkedHashSet<>();
    for (String entry : raw) {
      String host =
          HostNames.normalize(entry)
              .orElseThrow(
                  () ->
                      GigyaException.invalid(
                          "allowedHosts",
                          "'" + entry + "' is not a host name (no scheme, port or path)"));
      try {
        addresses.check(URI.create("https://" + host + "/"));
      } catch (PublicAddresses.Refused e) {
        if (e.reason() != PublicAddresses.Reason.UNRESOLVED) {
          throw GigyaException.invalid("allowedHosts", e.getMessage());
        }
      }
      hosts.add(host);
    }
    return List.copyOf(hosts);
  }
}
