package io.junction.web.health;

import io.junction.web.db.DatabaseMigrator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers and its schema is current. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Inject DatabaseMigrator db;

  @Override
  public HealthCheckResponse call() {
    var answer = HealthCheckResponse.named("database");
    if (!db.migrate()) {
      return answer.down().withData("schema", "not migrated").build();
    }
    try (Connection c = db.dataSource().getConnection()) {
      boolean valid = c.isValid(2);
      return answer
          .status(valid)
          .withData("product", c.getMetaData().getDatabaseProductName())
          .build();
    } catch (SQLException e) {
      return answer.down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}
