package io.junction.web.db;

import io.junction.web.security.AdminCredentials;
import io.junction.web.security.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** What runs once when the application starts: schema, encryption key, administrator. */
@ApplicationScoped
public class Startup {

  private static final Logger LOG = Logger.getLogger(Startup.class.getName());

  @Inject DatabaseMigrator migrator;
  @Inject Secrets secrets;
  @Inject AdminCredentials admin;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    secrets.cipher();
    if (migrator.migrate()) {
      try {
        admin.init();
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "Cannot set up the administrator credentials", e);
      }
    }
  }
}
