package io.junction.web.rest.socialize;

import io.junction.web.caller.Caller;
import io.junction.web.envelope.Envelope;
import io.junction.web.social.SocialMethods;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** socialize.getAlbums: the user's photo albums at the connected providers. */
@Path("socialize.getAlbums")
@RequestScoped
@Tag(name = "Socialize")
public class GetAlbumsResource extends ServerMethodResource {

  @Inject SocialMethods social;

  @Override
  protected Response answer(Caller caller) {
    return Envelope.ok(call, social.albums(call, caller));
  }
}
