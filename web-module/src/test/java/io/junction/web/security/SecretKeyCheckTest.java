package io.junction.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.web.security.SecretKeyCheck.Result;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The key check against a real (in-memory Derby) database migrated by the real migrations. */
class SecretKeyCheckTest {

  private static final SecretCipher A = cipher(1);
  private static final SecretCipher B = cipher(2);

  private String url;
  private Connection c;

  private static SecretCipher cipher(int fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) fill);
    return new SecretCipher(key);
  }

  @BeforeEach
  void migratedDatabase() throws SQLException {
    url = "jdbc:derby:memory:keycheck" + UUID.randomUUID().toString().replace("-", "");
    Flyway.configure()
        .dataSource(url + ";create=true", null, null)
        .locations("classpath:db/migration")
        .table("junction_schema_history")
        .load()
        .migrate();
    c = DriverManager.getConnection(url);
  }

  @AfterEach
  void drop() throws SQLException {
    c.close();
    try {
      DriverManager.getConnection(url + ";drop=true");
    } catch (SQLException dropped) {
      // Derby answers a drop with an exception
    }
  }

  private int checkRows() throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM secret_key_check");
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getInt(1);
    }
  }

  private void site(SecretCipher cipher, String apiKey) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO site (api_key, name, data_center, retrieve_contacts, secret_enc,"
                + " created_at, updated_at, row_version) VALUES (?, 'n', 'us1', false, ?, ?, ?, 1)")) {
      Timestamp now = Timestamp.from(Instant.now());
      s.setString(1, apiKey);
      s.setString(2, cipher.encrypt("the-secret", "site-secret:" + apiKey));
      s.setTimestamp(3, now);
      s.setTimestamp(4, now);
      s.executeUpdate();
    }
  }

  @Test
  void theFirstNodeStoresItsCheckAndANodeWithAnotherKeyIsRefused() throws Exception {
    assertEquals(Result.MATCH, SecretKeyCheck.verify(c, A));
    assertEquals(1, checkRows());
    assertEquals(Result.MATCH, SecretKeyCheck.verify(c, A));
    assertEquals(Result.MISMATCH, SecretKeyCheck.verify(c, B));
    assertEquals(1, checkRows(), "the refused node wrote nothing");
    assertEquals(Result.MATCH, SecretKeyCheck.verify(c, A));
  }

  @Test
  void dataWrittenBeforeTheCheckExistedDecidesWhoMayStoreIt() throws Exception {
    site(A, "3_existing");
    assertEquals(Result.MISMATCH, SecretKeyCheck.verify(c, B));
    assertEquals(0, checkRows(), "a node with the wrong key does not get to decide");
    assertEquals(Result.MATCH, SecretKeyCheck.verify(c, A));
    assertEquals(1, checkRows());
    assertEquals(Result.MISMATCH, SecretKeyCheck.verify(c, B));
  }

  @Test
  void theCheckValueIsBoundToItsPurpose() {
    String stored = A.encrypt(SecretKeyCheck.CONSTANT, SecretKeyCheck.CONTEXT);
    assertTrue(SecretKeyCheck.matches(stored, A));
    assertFalse(SecretKeyCheck.matches(stored, B));
    assertFalse(SecretKeyCheck.matches(A.encrypt(SecretKeyCheck.CONSTANT, "other"), A));
    assertFalse(SecretKeyCheck.matches(A.encrypt("other", SecretKeyCheck.CONTEXT), A));
    assertFalse(SecretKeyCheck.matches("v1:garbage", A));
  }
}
