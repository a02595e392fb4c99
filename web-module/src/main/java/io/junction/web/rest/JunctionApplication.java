package io.junction.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * Junction's REST surface, at the root of the host as Gigya's is ({@code /socialize.login}, {@code
 * /GS/GSLogin.aspx}), with the admin API under {@code /admin} and the console at {@code /console}.
 */
@ApplicationPath("/")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Junction",
            version = "0.1",
            description =
                "Social connection service, wire-compatible with the Gigya Socialize REST API."
                    + " The admin API takes HTTP Basic credentials of the administrator."))
public class JunctionApplication extends Application {}
