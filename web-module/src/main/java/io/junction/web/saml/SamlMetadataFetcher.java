package io.junction.web.saml;

import io.junction.api.ErrorCode;
import io.junction.provider.PublicAddresses;
import io.junction.web.envelope.GigyaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Fetches an identity provider's metadata from its URL for the admin API: https (plain http only on
 * loopback where {@code junction.provider.allow-private-addresses} allows it), a host whose
 * addresses are public, no redirects, 10 seconds, at most {@link SamlXml#MAX_BYTES}. Called outside
 * any transaction.
 */
@ApplicationScoped
public class SamlMetadataFetcher {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Inject PublicAddresses addresses;

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
    try {
      addresses.checkHttps(uri);
    } catch (PublicAddresses.Refused e) {
      throw GigyaException.invalid("metadataUrl", e.getMessage());
    }
    try {
      HttpResponse<InputStream> response =
          CLIENT.send(
              HttpRequest.newBuilder(uri)
                  .timeout(Duration.ofSeconds(10))
                  .header("Accept", "application/samlmetadata+xml, application/xml, text/xml")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        if (response.statusCode() != 200) {
          throw GigyaException.invalid(
              "metadataUrl", "the identity provider answered HTTP " + response.statusCode());
        }
        byte[] body = in.readNBytes(SamlXml.MAX_BYTES + 1);
        if (body.length > SamlXml.MAX_BYTES) {
          throw GigyaException.invalid(
              "metadataUrl", "the metadata is larger than " + SamlXml.MAX_BYTES + " bytes");
        }
        return body;
      }
    } catch (IOException e) {
      throw new GigyaException(
          ErrorCode.INVALID_PARAMETER_VALUE,
          "metadataUrl could not be read: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw GigyaException.invalid("metadataUrl", "interrupted");
    }
  }
}
