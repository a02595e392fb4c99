package io.junction.web.rest.socialize;

import io.junction.web.account.UserInfoProjection;
import io.junction.web.caller.Caller;
import io.junction.web.envelope.Envelope;
import io.junction.web.security.UidSignatures;
import io.junction.web.site.SiteService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** socialize.getUserInfo: the account, its login provider and its identities. */
@Path("socialize.getUserInfo")
@RequestScoped
@Tag(name = "Socialize")
public class GetUserInfoResource extends ServerMethodResource {

  @Inject UserInfoProjection userInfo;
  @Inject SiteService sites;

  @Override
  protected Response answer(Caller caller) {
    String extraFields = call.paramOrNull("extraFields");
    boolean samlData =
        extraFields != null
            && java.util.Arrays.stream(extraFields.split(","))
                .anyMatch(f -> f.trim().equals("samlData"));
    Map<String, Object> data = userInfo.of(caller.account(), samlData);
    data.putAll(UidSignatures.fresh(sites.secretOf(caller.site()), caller.account().uid()));
    return Envelope.ok(call, data);
  }
}
