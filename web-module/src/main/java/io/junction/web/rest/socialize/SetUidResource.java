package io.junction.web.rest.socialize;

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

/** socialize.setUID: the account of UID takes the site's own user id (siteUID) as its UID. */
@Path("socialize.setUID")
@RequestScoped
@Tag(name = "Socialize")
public class SetUidResource extends ServerMethodResource {

  @Inject AccountService accounts;

  @Override
  protected Response answer(Caller caller) {
    Parameters.required(call, "siteUID");
    String siteUid = Parameters.siteUid(call, "siteUID");
    Contention.retry(() -> accounts.setUid(caller.account().id(), siteUid));
    return Envelope.ok(call, Map.of());
  }
}
