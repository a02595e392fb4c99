package io.junction.web.rest.socialize;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** socialize.notifyRegistration: as setUID, when the site finished registering the user. */
@Path("socialize.notifyRegistration")
@RequestScoped
@Tag(name = "Socialize")
public class NotifyRegistrationResource extends SetUidResource {}
