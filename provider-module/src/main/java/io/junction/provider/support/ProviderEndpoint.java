package io.junction.provider.support;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * A provider endpoint, called through MicroProfile Rest Client. The base URI is the endpoint's
 * whole URL (configurable per provider), so one interface serves every provider.
 */
public interface ProviderEndpoint {

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  Response post(
      @HeaderParam("Accept") String accept,
      @HeaderParam("Authorization") String authorization,
      MultivaluedMap<String, String> form);

  @GET
  Response get(
      @HeaderParam("Accept") String accept, @HeaderParam("Authorization") String authorization);
}
