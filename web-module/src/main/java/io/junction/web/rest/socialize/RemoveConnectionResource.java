package io.junction.web.rest.socialize;

import io.junction.provider.ProviderCatalog;
import io.junction.web.account.AccountService;
import io.junction.web.caller.Caller;
import io.junction.web.db.Contention;
import io.junction.web.envelope.Envelope;
import io.junction.web.envelope.Parameters;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** socialize.removeConnection: disconnects the user from one provider, or from all. */
@Path("socialize.removeConnection")
@RequestScoped
@Tag(name = "Socialize")
public class RemoveConnectionResource extends ServerMethodResource {

  @Inject AccountService accounts;
  @Inject ProviderCatalog catalog;

  @Override
  protected Response answer(Caller caller) {
    String name = call.paramOrNull("provider");
    String provider = name == null ? null : Parameters.provider(catalog, name, "provider").id();
    String handling = call.paramOrNull("lastIdentityHandling");
    Contention.retry(() -> accounts.removeConnection(caller.account().id(), provider, handling));
    return Envelope.ok(call, Map.of());
  }
}
