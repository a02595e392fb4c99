package io.junction.web.rest.fidm;

import io.junction.web.caller.Caller;
import io.junction.web.envelope.Envelope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** fidm.saml.getRegisteredIdPs: the site's SAML identity providers as ExternalIdP objects. */
@Path("fidm.saml.getRegisteredIdPs")
@RequestScoped
@Tag(name = "SAML")
public class GetRegisteredIdPsResource extends FidmSamlMethod {

  @Override
  protected Response answer(Caller caller) {
    return Envelope.ok(call, Map.of("configs", idps.list(caller.site().apiKey())));
  }
}
