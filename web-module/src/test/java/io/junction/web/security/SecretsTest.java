package io.junction.web.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

  @Test
  void aKeyFileIsOwnerOnlyFromItsFirstMomentAndNeverReplaced(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("secret.key");
    assertTrue(Secrets.createOwnerOnly(file, "first\n"));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertFalse(Secrets.createOwnerOnly(file, "second\n"));
    assertEquals("first\n", Files.readString(file));
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(file), left.toList(), "no temporary file is left behind");
    }
  }

  @Test
  void nodesStartingTogetherAllGetTheOneKeyThatWasWritten(@TempDir Path dir) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      for (int round = 0; round < 30; round++) {
        Path file = dir.resolve("round" + round).resolve("secret.key");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<byte[]>> keys = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
          keys.add(
              pool.submit(
                  () -> {
                    go.await();
                    return Secrets.localKey(file);
                  }));
        }
        go.countDown();
        byte[] first = keys.get(0).get();
        for (Future<byte[]> k : keys) {
          // Never a half-written file (which would not decode) and never two keys.
          assertArrayEquals(first, k.get());
        }
        assertEquals(
            "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
