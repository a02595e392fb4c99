package io.junction.web.rest.admin;

import io.junction.web.envelope.ApiCall;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Every answer of the admin API, refusals and unknown paths included, is {@code Cache-Control:
 * no-store}: it may hold a secret shown once, and no browser or proxy cache may keep it.
 */
@Provider
public class AdminCacheControl implements ContainerResponseFilter {

  @Inject ApiCall call;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (call.admin()) {
      response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
    }
  }
}
