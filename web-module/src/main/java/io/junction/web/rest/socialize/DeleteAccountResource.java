package io.junction.web.rest.socialize;

import io.junction.web.account.AccountService;
import io.junction.web.caller.Caller;
import io.junction.web.db.Contention;
import io.junction.web.envelope.Envelope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** socialize.deleteAccount: deletes the account of UID, its identities and sessions. */
@Path("socialize.deleteAccount")
@RequestScoped
@Tag(name = "Socialize")
public class DeleteAccountResource extends ServerMethodResource {

  @Inject AccountService accounts;

  @Override
  protected Response answer(Caller caller) {
    Contention.retry(() -> accounts.delete(caller.account().id()));
    return Envelope.ok(call, Map.of());
  }
}
