package io.junction.web.security;

import io.junction.web.config.JunctionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * The key that encrypts secrets at rest: {@code junction.secret-key} when configured (required with
 * several nodes), otherwise one generated at first start and kept in the data directory.
 */
@ApplicationScoped
public class Secrets {

  private static final Logger LOG = Logger.getLogger(Secrets.class.getName());
  static final String KEY_FILE = "secret.key";

  @Inject JunctionConfig config;

  private volatile SecretCipher cipher;

  /** The cipher for secrets at rest. */
  public SecretCipher cipher() {
    SecretCipher c = cipher;
    if (c == null) {
      synchronized (this) {
        if (cipher == null) {
          cipher = new SecretCipher(loadKey());
        }
        c = cipher;
      }
    }
    return c;
  }

  private byte[] loadKey() {
    if (config.secretKey().isPresent()) {
      byte[] key;
      try {
        key = Base64.getDecoder().decode(config.secretKey().get().trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("junction.secret-key is not valid Base64");
      }
      if (key.length != 32) {
        throw new IllegalStateException(
            "junction.secret-key must be 32 bytes (Base64 of an AES-256 key), not " + key.length);
      }
      return key;
    }
    return localKey(config.dataDir().resolve(KEY_FILE));
  }

  static byte[] localKey(Path file) {
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent());
        String encoded = Base64.getEncoder().encodeToString(Randoms.bytes(32));
        try {
          Files.writeString(
              file, encoded + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
          try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
          } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
          }
          LOG.warning(
              "junction.secret-key is not set: generated a local key in "
                  + file
                  + ". Set junction.secret-key (JUNCTION_SECRET_KEY) in production and on every"
                  + " node of a cluster.");
        } catch (FileAlreadyExistsException raced) {
          // another thread or process wrote it first: use theirs
        }
      }
      byte[] key = Base64.getDecoder().decode(Files.readString(file).trim());
      if (key.length != 32) {
        throw new IllegalStateException(file + " does not hold a 32-byte key");
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or write the local secret key " + file, e);
    }
  }
}
