package io.junction.web.security;

import io.junction.web.config.JunctionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
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
        if (createOwnerOnly(file, encoded + "\n")) {
          LOG.warning(
              "junction.secret-key is not set: generated a local key in "
                  + file
                  + ". Set junction.secret-key (JUNCTION_SECRET_KEY) in production and on every"
                  + " node of a cluster.");
        }
        // otherwise another thread or process wrote it first: use theirs
      }
      byte[] key;
      try {
        key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(file + " does not hold a Base64 key");
      }
      if (key.length != 32) {
        throw new IllegalStateException(file + " does not hold a 32-byte key");
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or write the local secret key " + file, e);
    }
  }

  /**
   * Creates {@code file} holding {@code content}, readable by this user only from its first moment:
   * the content goes to a temporary file created with owner-only permissions in the same directory,
   * which is then linked under the final name. The name therefore never shows a partly written or
   * wider-readable file, and an existing file is never replaced.
   *
   * @return whether this call created the file (false: it already existed)
   */
  static boolean createOwnerOnly(Path file, String content) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp;
    try {
      tmp =
          Files.createTempFile(
              dir,
              "." + file.getFileName() + ".",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      // A file system without POSIX permissions: the file gets the directory's access rules.
      tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
    }
    try {
      Files.writeString(
          tmp,
          content,
          StandardCharsets.US_ASCII,
          StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING);
      try {
        Files.createLink(file, tmp);
      } catch (FileAlreadyExistsException raced) {
        return false;
      } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
        if (Files.exists(file)) {
          return false;
        }
        try {
          Files.move(tmp, file);
        } catch (FileAlreadyExistsException raced) {
          return false;
        }
      }
      return true;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
