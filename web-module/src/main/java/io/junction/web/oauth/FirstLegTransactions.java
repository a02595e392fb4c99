package io.junction.web.oauth;

import io.junction.api.ProviderApp;
import io.junction.web.config.JunctionConfig;
import io.junction.web.security.RedirectUris;
import io.junction.web.site.ProviderConfig;
import io.junction.web.site.Site;
import io.junction.web.site.SiteService;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The database reads of a flow's first leg, each one short transaction: the site and its checked
 * redirect_uri, then the site's application at the provider. No transaction spans a call to a
 * provider: building the provider's authorization URL (which for an OpenID Connect issuer may fetch
 * its discovery document) happens between these and the saving of the pending authorization.
 */
@ApplicationScoped
@Transactional
public class FirstLegTransactions {

  @Inject SiteService sites;
  @Inject JunctionConfig config;

  /** The site of a flow and the redirect_uri checked against its redirect URIs or domains. */
  public record Target(Site site, String redirectUri) {}

  /** The site's application at a provider and the callback URL to give the provider. */
  public record Setup(ProviderApp app, String callbackUrl) {}

  /**
   * The site of {@code apiKey} (400093 when none) and {@code redirectUri} checked (400002 when
   * absent, 400011 when not the site's): one of the site's registered redirect URIs exactly when it
   * registered any, else a URL on its domains. These refusals are answered directly, since there is
   * no trusted page to send them to yet.
   */
  @WithSpan(value = "db firstLeg.target", kind = SpanKind.CLIENT)
  public Target target(String apiKey, String redirectUri) {
    Site site = sites.siteOrInvalidKey(apiKey);
    return new Target(
        site, RedirectUris.validate(redirectUri, site.domains(), site.redirectUris()));
  }

  /** The site's enabled application at the provider (500031 when none) and its callback URL. */
  @WithSpan(value = "db firstLeg.setup", kind = SpanKind.CLIENT)
  public Setup setup(Site site, String provider, boolean secureRequest) {
    SiteService.ProviderSetup setup = sites.providerSetup(site, provider);
    return new Setup(setup.app(), callbackUrl(site, setup.config(), secureRequest));
  }

  /**
   * The callback the provider returns to: Junction's, or the site's CNAME when the configuration
   * enables it; https whenever the configuration allows secure redirects only.
   */
  String callbackUrl(Site site, ProviderConfig p, boolean secureRequest) {
    String url;
    if (p.cnameEnabled() && site.cname() != null) {
      url =
          (p.secureRedirectsOnly() || secureRequest ? "https://" : "http://")
              + site.cname()
              + JunctionConfig.CALLBACK_PATH;
    } else {
      url = config.callbackUrl();
    }
    if (p.secureRedirectsOnly() && url.startsWith("http://")) {
      url = "https://" + url.substring("http://".length());
    }
    return url;
  }
}
