package io.junction.provider;

import io.junction.api.ProviderException;
import io.junction.provider.support.ProviderHttp;
import io.junction.provider.support.SiteNamedHttp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Documents a site's configuration points at (an identity provider's metadata URL), fetched for the
 * web layer through {@link SiteNamedHttp}: every connection goes to an address {@link
 * PublicAddresses} allows, checked on the address actually connected to, no redirect followed, at
 * most the bytes asked for.
 */
@ApplicationScoped
public class SiteDocuments {

  /** What a document's URL answered: its status and at most the bytes asked for. */
  public record Document(int status, byte[] body, boolean truncated) {}

  @Inject SiteNamedHttp http;

  /** For CDI. */
  public SiteDocuments() {}

  /** Documents fetched through {@code http} (tests). */
  public SiteDocuments(SiteNamedHttp http) {
    this.http = http;
  }

  /**
   * GETs {@code url}, asking for {@code accept}.
   *
   * @throws PublicAddresses.Refused when the connection would go to an address the rule refuses
   * @throws ProviderException when the address cannot be reached or does not answer in time
   */
  public Document get(String what, String url, int maxBytes, String accept) {
    ProviderHttp.Bytes b = http.getDocument(what, url, maxBytes, accept);
    return new Document(b.status(), b.body(), b.truncated());
  }
}
