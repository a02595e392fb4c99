package io.junction.web.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The server's own key-value state (table {@code junction_setting}), shared by every node: values
 * the server generates once for the whole cluster, such as the digest of a generated administrator
 * password. Not site or provider configuration (those are {@code site.SiteSettings} and {@code
 * site.ProviderSettings}, edited through the admin API).
 */
@ApplicationScoped
public class ServerState {

  @Inject DatabaseMigrator db;

  /** The value stored under a name, if any. */
  public Optional<String> get(String name) {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT setting_value FROM junction_setting WHERE name = ?")) {
      s.setString(1, name);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read server state " + name, e);
    }
  }

  /**
   * Stores a value unless one is already there; returns the value that is stored afterwards (ours,
   * or the one another node wrote first).
   */
  public String putIfAbsent(String name, String value) {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO junction_setting (name, setting_value) VALUES (?, ?)")) {
      s.setString(1, name);
      s.setString(2, value);
      s.executeUpdate();
      return value;
    } catch (SQLException e) {
      if (Constraints.isViolation(e)) {
        return get(name)
            .orElseThrow(() -> new IllegalStateException("Server state vanished: " + name));
      }
      throw new IllegalStateException("Cannot write server state " + name, e);
    }
  }
}
