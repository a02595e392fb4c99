package io.junction.web.rest.fidm;

import io.junction.web.caller.Caller;
import io.junction.web.envelope.Envelope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * fidm.saml.registerIdP: creates or replaces the SAML identity provider that {@code config} (an
 * ExternalIdP JSON object with its {@code name}) describes.
 */
@Path("fidm.saml.registerIdP")
@RequestScoped
@Tag(name = "SAML")
public class RegisterIdPResource extends FidmSamlMethod {

  @Override
  protected Response answer(Caller caller) {
    idps.register(author(caller), caller.site().apiKey(), call.paramOrNull("config"));
    return Envelope.ok(call, Map.of());
  }
}
