package io.junction.web.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's own settings, read once through MicroProfile Config (server.xml variables,
 * overridable by environment variables: {@code junction.public-url} from {@code
 * JUNCTION_PUBLIC_URL}, and so on).
 */
@ApplicationScoped
public class JunctionConfig {

  /** The data centers Gigya names, and so Junction. */
  public static final List<String> DATA_CENTERS = List.of("us1", "eu1", "au1", "ru1", "cn1");

  /** The path of the one provider callback, as Gigya's. */
  public static final String CALLBACK_PATH = "/GS/GSLogin.aspx";

  @Inject
  @ConfigProperty(name = "junction.public-url", defaultValue = "https://localhost:9443")
  String publicUrl;

  @Inject
  @ConfigProperty(name = "junction.data-center", defaultValue = "us1")
  String dataCenter;

  @Inject
  @ConfigProperty(name = "junction.data-dir", defaultValue = "junction-data")
  String dataDir;

  @Inject
  @ConfigProperty(name = "junction.secret-key")
  Optional<String> secretKey;

  @Inject
  @ConfigProperty(name = "JUNCTION_ADMIN_USER", defaultValue = "admin")
  String adminUser;

  @Inject
  @ConfigProperty(name = "JUNCTION_ADMIN_PASSWORD")
  Optional<String> adminPassword;

  @Inject
  @ConfigProperty(name = "junction.admin.allow-http", defaultValue = "false")
  boolean adminAllowHttp;

  @Inject
  @ConfigProperty(name = "junction.admin.max-failures-per-minute", defaultValue = "20")
  int adminMaxFailuresPerMinute;

  @Inject
  @ConfigProperty(name = "junction.admin.lockout-seconds", defaultValue = "300")
  int adminLockoutSeconds;

  @PostConstruct
  void check() {
    dataCenter = dataCenter.trim().toLowerCase(Locale.ROOT);
    if (!DATA_CENTERS.contains(dataCenter)) {
      throw new IllegalStateException(
          "junction.data-center must be one of " + DATA_CENTERS + ", not '" + dataCenter + "'");
    }
    String url = publicUrl.trim();
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    URI uri = URI.create(url);
    if (uri.getScheme() == null
        || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
        || uri.getHost() == null) {
      throw new IllegalStateException("junction.public-url must be an absolute http(s) URL");
    }
    publicUrl = url;
    if (adminMaxFailuresPerMinute < 1) {
      throw new IllegalStateException("junction.admin.max-failures-per-minute must be at least 1");
    }
    if (adminLockoutSeconds < 1) {
      throw new IllegalStateException("junction.admin.lockout-seconds must be at least 1");
    }
  }

  /** The external base URL of this data center, without a trailing slash. */
  public String publicUrl() {
    return publicUrl;
  }

  /** The provider callback of this data center: {@code <public-url>/GS/GSLogin.aspx}. */
  public String callbackUrl() {
    return publicUrl + CALLBACK_PATH;
  }

  /** This server's data center (us1, eu1, au1, ru1 or cn1). */
  public String dataCenter() {
    return dataCenter;
  }

  /** Where local state (the generated encryption key) is kept. */
  public Path dataDir() {
    return Path.of(dataDir);
  }

  /** The Base64 AES-256 key that encrypts secrets at rest, when one is configured. */
  public Optional<String> secretKey() {
    return secretKey.filter(s -> !s.isBlank());
  }

  public String adminUser() {
    return adminUser;
  }

  /** The administrator's password, when one is configured. */
  public Optional<String> adminPassword() {
    return adminPassword.filter(s -> !s.isEmpty());
  }

  /**
   * Whether the admin API and the console may be used over plain HTTP ({@code
   * junction.admin.allow-http}, false by default): for local tests only, since the administrator's
   * password travels with every call.
   */
  public boolean adminAllowHttp() {
    return adminAllowHttp;
  }

  /**
   * How many failed administrator logins one client address may make within a minute before it is
   * locked out ({@code junction.admin.max-failures-per-minute}, 20 by default).
   */
  public int adminMaxFailuresPerMinute() {
    return adminMaxFailuresPerMinute;
  }

  /**
   * How long a locked-out address is refused, whatever it sends ({@code
   * junction.admin.lockout-seconds}, 300 by default).
   */
  public int adminLockoutSeconds() {
    return adminLockoutSeconds;
  }
}
