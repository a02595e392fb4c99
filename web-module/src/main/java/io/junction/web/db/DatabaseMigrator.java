package io.junction.web.db;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Owns the schema: applies the versioned migrations under {@code db/migration} with Flyway, once
 * per start, on Derby and PostgreSQL alike. Several nodes starting together are serialised by
 * Flyway's lock on the schema history table.
 */
@ApplicationScoped
public class DatabaseMigrator {

  private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

  @Resource(lookup = "jdbc/junction")
  DataSource dataSource;

  private volatile boolean migrated;

  /** Migrates when not yet done; returns whether the schema is current. Never throws. */
  public synchronized boolean migrate() {
    if (migrated) {
      return true;
    }
    try {
      MigrateResult result =
          Flyway.configure(getClass().getClassLoader())
              .dataSource(dataSource)
              .locations("classpath:db/migration")
              .table("junction_schema_history")
              .load()
              .migrate();
      LOG.info(
          "Database schema is at version "
              + (result.targetSchemaVersion == null
                  ? result.initialSchemaVersion
                  : result.targetSchemaVersion)
              + " ("
              + result.migrationsExecuted
              + " migrations applied now)");
      migrated = true;
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Database migration failed; the server is not ready", e);
    }
    return migrated;
  }

  public boolean migrated() {
    return migrated;
  }

  public DataSource dataSource() {
    return dataSource;
  }
}
