package io.junction.web.saml;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderException;
import io.junction.provider.PublicAddresses;
import io.junction.provider.SiteDocuments;
import io.junction.web.envelope.GigyaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Fetches an identity provider's metadata from its URL for the admin API and
 * fidm.saml.importIdPMetadata: https (plain http only on loopback where {@code
 * junction.provider.allow-private-addresses} allows it), a host whose addresses are public, checked
 * on the URL and again on the address the connection is made to ({@link SiteDocuments}: a name that
 * answers a public address to the check and a private one to the connection gets no connection), no
 * redirects, the provider timeouts, at most {@link SamlXml#MAX_BYTES}. Called outside any
 * transaction.
 */
@ApplicationScoped
public class SamlMetadataFetcher {

  private static final String ACCEPT = "application/samlmetadata+xml, application/xml, text/xml";

  @Inject PublicAddresses addresses;
  @Inject SiteDocuments documents;

  /** For CDI. */
  public SamlMetadataFetcher() {}

  /** A fetcher under {@code addresses}, connecting through {@code documents} (tests). */
  SamlMetadataFetcher(PublicAddresses addresses, SiteDocuments documents) {
    this.addresses = addresses;
    this.documents = documents;
  }

  /** The metadata document's bytes; 400006 naming {@code metadataUrl} for any failure. */
  public byte[] fetch(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw GigyaException.invalid("metadataUrl", "not a URL");
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      throw GigyaException.invalid("metadataUrl", "must be an https URL without user or fragment");
    }
    SiteDocuments.Document answer;
    try {
      addresses.checkHttps(uri);
      answer = documents.get("saml", uri.toString(), SamlXml.MAX_BYTES, ACCEPT);
    } catch (PublicAddresses.Refused e) {
      throw GigyaException.invalid("metadataUrl", e.getMessage());
    } catch (ProviderException e) {
      throw new GigyaException(
          ErrorCode.INVALID_PARAMETER_VALUE,
          "metadataUrl could not be read: "
              + (e.code() == ErrorCode.TIMEOUT ? "no answer in time" : "no connection"));
    }
    if (answer.status() != 200) {
      throw GigyaException.invalid(
          "metadataUrl", "the identity provider answered HTTP " + answer.status());
    }
    if (answer.truncated()) {
      throw GigyaException.invalid(
          "metadataUrl", "the metadata is larger than " + SamlXml.MAX_BYTES + " bytes");
    }
    return answer.body();
  }
}
