package io.junction.web.rest.fidm;

import io.junction.web.caller.Caller;
import io.junction.web.envelope.Envelope;
import io.junction.web.envelope.GigyaException;
import io.junction.web.rest.admin.SamlIdps;
import io.junction.web.saml.SamlIdpSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * fidm.saml.importIdPMetadata: an identity provider's {@code metadata} (XML) or {@code url} read
 * into an ExternalIdP {@code config}, validated as a registration; with {@code
 * saveConfiguration=true} also registered under {@code name}.
 */
@Path("fidm.saml.importIdPMetadata")
@RequestScoped
@Tag(name = "SAML")
public class ImportIdPMetadataResource extends FidmSamlMethod {

  @Override
  protected Response answer(Caller caller) {
    boolean save = bool("saveConfiguration", false);
    String name = call.paramOrNull("name");
    if (save && (name == null || name.isBlank())) {
      throw GigyaException.missing("name");
    }
    SamlIdpSettings settings =
        idps.fromMetadata(call.paramOrNull("metadata"), call.paramOrNull("url"));
    String provider = null;
    if (save) {
      provider =
          idps.save(author(caller), caller.site().apiKey(), name, settings).config().provider();
    }
    return Envelope.ok(call, Map.of("config", SamlIdps.externalIdp(provider, settings, null)));
  }
}
