package io.junction.web.rest.fidm;

import io.junction.web.caller.Caller;
import io.junction.web.envelope.Envelope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * fidm.saml.getConfig: the site's service provider as Gigya's SamlConfig: its entity ID,
 * certificate (PEM), assertion consumer service, single logout service and metadata URLs. One
 * service provider serves every identity provider of the site, so {@code idpName} changes nothing.
 */
@Path("fidm.saml.getConfig")
@RequestScoped
@Tag(name = "SAML")
public class GetConfigResource extends FidmSamlMethod {

  @Override
  protected Response answer(Caller caller) {
    return Envelope.ok(call, Map.of("config", idps.serviceProvider(caller.site().apiKey())));
  }
}
