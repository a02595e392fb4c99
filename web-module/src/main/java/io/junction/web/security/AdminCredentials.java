package io.junction.web.security;

import io.junction.web.config.JunctionConfig;
import io.junction.web.db.ServerState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.logging.Logger;

/**
 * The administrator's credentials: {@code JUNCTION_ADMIN_USER} / {@code JUNCTION_ADMIN_PASSWORD}.
 * With no password configured, one is generated at the first start, printed once in the log and
 * kept (as a SHA-256 digest: it is random and long, so no slow hash is needed) in the database, so
 * every node and every restart accepts it.
 */
@ApplicationScoped
public class AdminCredentials {

  private static final Logger LOG = Logger.getLogger(AdminCredentials.class.getName());
  static final String SETTING = "admin.password.sha256";

  @Inject JunctionConfig config;
  @Inject ServerState state;

  private volatile byte[] userDigest;
  private volatile byte[] passwordDigest;

  /** Loads or creates the credentials; called once at start, after the migrations. */
  public synchronized void init() {
    if (passwordDigest != null) {
      return;
    }
    userDigest = sha256(config.adminUser());
    if (config.adminPassword().isPresent()) {
      passwordDigest = sha256(config.adminPassword().get());
      return;
    }
    String stored = state.get(SETTING).orElse(null);
    if (stored == null) {
      String generated = Randoms.urlSafe(18);
      String hex = HexFormat.of().formatHex(sha256(generated));
      stored = state.putIfAbsent(SETTING, hex);
      if (stored.equals(hex)) {
        LOG.warning(
            "No JUNCTION_ADMIN_PASSWORD is set. Generated the administrator password for user '"
                + config.adminUser()
                + "': "
                + generated
                + "  (shown once; set JUNCTION_ADMIN_PASSWORD to choose your own)");
      }
    }
    passwordDigest = HexFormat.of().parseHex(stored);
  }

  /** Whether the pair is the administrator's; takes the same time whatever matches. */
  public boolean matches(String user, String password) {
    if (passwordDigest == null) {
      init();
    }
    boolean userOk = MessageDigest.isEqual(userDigest, sha256(user));
    boolean passwordOk = MessageDigest.isEqual(passwordDigest, sha256(password));
    return userOk & passwordOk;
  }

  static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
