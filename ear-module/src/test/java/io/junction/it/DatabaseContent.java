package io.junction.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the test server's database holds, read as raw as can be: Derby's files (data and log), or a
 * pg_dump of the PostgreSQL database. For checking that secrets are stored only encrypted.
 */
final class DatabaseContent {

  private DatabaseContent() {}

  static boolean contains(String text) throws Exception {
    if ("postgres".equals(System.getProperty("junction.db.kind"))) {
      ProcessBuilder pb =
          new ProcessBuilder(
              "pg_dump", "-h", "localhost", "-U", "junction_it", "--data-only", "junction_it");
      pb.environment().put("PGPASSWORD", "junction-it-password");
      Process p = pb.redirectErrorStream(true).start();
      String dump = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue(), dump);
      return dump.contains(text);
    }
    return anyFileContains(Path.of(Junction.SERVER_DIR, "junction", "derby"), text);
  }

  static boolean anyFileContains(Path dir, String text) throws IOException {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        if (indexOf(Files.readAllBytes(f), needle) >= 0) {
          return true;
        }
      }
    }
    return false;
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
