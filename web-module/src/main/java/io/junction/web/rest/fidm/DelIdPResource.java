package io.junction.web.rest.fidm;

import io.junction.web.caller.Caller;
import io.junction.web.envelope.Envelope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** fidm.saml.delIdP: removes the SAML identity provider {@code name}. */
@Path("fidm.saml.delIdP")
@RequestScoped
@Tag(name = "SAML")
public class DelIdPResource extends FidmSamlMethod {

  @Override
  protected Response answer(Caller caller) {
    idps.delete(author(caller), caller.site().apiKey(), call.paramOrNull("name"));
    return Envelope.ok(call, Map.of());
  }
}
