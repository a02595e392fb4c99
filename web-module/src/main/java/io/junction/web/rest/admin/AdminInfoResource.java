package io.junction.web.rest.admin;

import io.junction.api.Capability;
import io.junction.provider.ProviderCatalog;
import io.junction.web.config.JunctionConfig;
import io.junction.web.rest.admin.AdminViews.ProviderCapability;
import io.junction.web.rest.admin.AdminViews.ProviderType;
import io.junction.web.rest.admin.AdminViews.ServerInfo;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the console needs to know of this server: its public URL, callback and providers. */
@Path("admin/info")
@AdminOnly
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Server")
public class AdminInfoResource {

  @Inject JunctionConfig config;
  @Inject ProviderCatalog catalog;

  @GET
  @Operation(summary = "The server's public URL, provider callback, data center and providers")
  public ServerInfo info() {
    return new ServerInfo(
        config.publicUrl(),
        config.callbackUrl(),
        config.dataCenter(),
        JunctionConfig.DATA_CENTERS,
        catalog.all().stream()
            .map(
                p ->
                    new ProviderType(
                        p.id(),
                        p.displayName(),
                        p.usesPublicKey(),
                        p.defaultPermissions(),
                        catalog.setupNotes(p.id()),
                        capabilities(p.id())))
            .toList(),
        catalog.setupNotes("oidc-any"));
  }

  /** The provider's capability list, in the order of {@link Capability}. */
  private List<ProviderCapability> capabilities(String provider) {
    Map<Capability, List<String>> all =
        catalog.connector(provider).map(c -> c.capabilities()).orElse(Map.of());
    List<ProviderCapability> out = new ArrayList<>();
    for (Capability c : Capability.values()) {
      if (all.containsKey(c)) {
        out.add(new ProviderCapability(c.label(), all.get(c)));
      }
    }
    return out;
  }
}
