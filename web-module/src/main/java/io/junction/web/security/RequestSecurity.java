package io.junction.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether a call came over HTTPS: directly, or through a reverse proxy that terminated TLS and said
 * so in {@code X-Forwarded-Proto}. The header counts only from the proxies listed in {@code
 * junction.trusted-proxies} (comma-separated addresses; none by default), so a client cannot claim
 * HTTPS by sending it.
 */
@ApplicationScoped
public class RequestSecurity {

  private final Set<String> trusted;

  @Inject
  public RequestSecurity(
      @ConfigProperty(name = "junction.trusted-proxies", defaultValue = " ")
          String trustedProxies) {
    this.trusted =
        Arrays.stream(trustedProxies.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
  }

  protected RequestSecurity() {
    this.trusted = Set.of();
  }

  public boolean secure(boolean direct, String remoteAddress, String forwardedProto) {
    if (direct) {
      return true;
    }
    return forwardedProto != null
        && remoteAddress != null
        && trusted.contains(remoteAddress)
        && forwardedProto.trim().equalsIgnoreCase("https");
  }
}
