package io.junction.web;

import jakarta.ws.rs.SeBootstrap;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.Variant;
import jakarta.ws.rs.ext.RuntimeDelegate;
import java.util.concurrent.CompletionStage;

/**
 * The JAX-RS runtime of the unit tests, which run without a server: enough for the API's value
 * types (such as {@code NewCookie}) to be built and read; everything else is unsupported.
 */
public class UnitTestRuntimeDelegate extends RuntimeDelegate {

  private static UnsupportedOperationException unsupported() {
    return new UnsupportedOperationException("not in unit tests");
  }

  @Override
  public <T> HeaderDelegate<T> createHeaderDelegate(Class<T> type) {
    return null;
  }

  @Override
  public UriBuilder createUriBuilder() {
    throw unsupported();
  }

  @Override
  public Response.ResponseBuilder createResponseBuilder() {
    throw unsupported();
  }

  @Override
  public Variant.VariantListBuilder createVariantListBuilder() {
    throw unsupported();
  }

  @Override
  public <T> T createEndpoint(Application application, Class<T> endpointType) {
    throw unsupported();
  }

  @Override
  public Link.Builder createLinkBuilder() {
    throw unsupported();
  }

  @Override
  public SeBootstrap.Configuration.Builder createConfigurationBuilder() {
    throw unsupported();
  }

  @Override
  public CompletionStage<SeBootstrap.Instance> bootstrap(
      Application application, SeBootstrap.Configuration configuration) {
    throw unsupported();
  }

  @Override
  public CompletionStage<SeBootstrap.Instance> bootstrap(
      Class<? extends Application> clazz, SeBootstrap.Configuration configuration) {
    throw unsupported();
  }

  @Override
  public EntityPart.Builder createEntityPartBuilder(String partName) {
    throw unsupported();
  }
}
