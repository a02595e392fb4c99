package io.junction.web.social;

import io.junction.api.Capability;
import io.junction.api.SocialConnector;
import io.junction.web.site.Site;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The permissions a login or addConnection asks a provider for because of the site's switches: for
 * each capability the site switched on and the connector lists, the permissions it needs, after
 * {@code x_extraPermissions}.
 */
public final class SocialScopes {

  private SocialScopes() {}

  public static List<String> extra(Site site, SocialConnector connector, List<String> asked) {
    Set<String> out = new LinkedHashSet<>(asked);
    Map<Capability, List<String>> capabilities = connector.capabilities();
    for (Capability c : Capability.values()) {
      if (site.allows(c) && capabilities.containsKey(c)) {
        out.addAll(capabilities.get(c));
      }
    }
    return List.copyOf(out);
  }
}
