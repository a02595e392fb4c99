package io.junction.web.oauth;

import io.junction.web.security.Hashes;
import io.junction.web.security.Randoms;
import io.junction.web.security.SecretCipher;
import io.junction.web.security.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Pending authorizations that travel instead of being stored: the whole pending authorization
 * sealed (AES-256-GCM with the server's secret key, {@code junction.secret-key}, so any node opens
 * it) into the {@code state} sent to the provider. Nothing is written when the flow starts; the
 * callback opens the state, checks its expiry and its browser as for a stored one, and records it
 * as used ({@link io.junction.web.security.Nonces#useFlowState}) so that it works once.
 *
 * <p>A sealed state reads {@code J1.} followed by base64url; a stored flow's state (random
 * base64url, which has no dot) is never taken for one. Its pending authorization's {@link
 * PendingAuthorization#stateHash()} is the digest of a random id sealed inside, which keys the
 * record of its use and the encryption of its PKCE verifier.
 */
@ApplicationScoped
public class SealedStates {

  /** What begins every sealed state. */
  static final String PREFIX = "J1.";

  /**
   * The longest sealed state sent to a provider; a flow whose state would be longer (a long
   * redirect_uri, site state and scopes together) is stored instead.
   */
  static final int MAX_LENGTH = 1200;

  /** Binds the ciphertext to its purpose: no other sealed or encrypted value opens as a state. */
  private static final String CONTEXT = "flow-state:v1";

  private static final byte VERSION = 1;

  @Inject Secrets secrets;

  /** A random id for a flow to be sealed; its digest is the flow's stateHash. */
  static String newId() {
    return Randoms.urlSafe(16);
  }

  /** The stateHash of a sealed flow of {@code id}. */
  static String stateHash(String id) {
    return Hashes.sha256Hex(PREFIX + id);
  }

  /** Whether {@code state} is a sealed one (it may still fail to open). */
  static boolean isSealed(String state) {
    return state != null && state.startsWith(PREFIX);
  }

  /**
   * The state carrying {@code p}, whose stateHash must be {@link #stateHash(String)} of {@code id};
   * empty when it would be longer than {@link #MAX_LENGTH} (the flow is then stored).
   */
  public Optional<String> seal(String id, PendingAuthorization p) {
    return seal(secrets.cipher(), id, p);
  }

  static Optional<String> seal(SecretCipher cipher, String id, PendingAuthorization p) {
    if (!p.stateHash().equals(stateHash(id))) {
      throw new IllegalArgumentException("The pending authorization's stateHash is not its id's");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(id);
      out.writeUTF(p.apiKey());
      out.writeUTF(p.provider());
      out.writeByte(p.flow().ordinal());
      text(out, p.accountId());
      out.writeUTF(p.browserHash());
      out.writeUTF(p.redirectUri());
      out.writeUTF(p.responseType());
      text(out, p.clientState());
      text(out, p.lang());
      out.writeBoolean(p.sessionSeconds() != null);
      if (p.sessionSeconds() != null) {
        out.writeLong(p.sessionSeconds());
      }
      out.writeUTF(p.callbackUrl());
      text(out, p.codeVerifierEncrypted());
      out.writeLong(p.expiresAt().getEpochSecond());
      text(out, p.nonce());
      text(out, p.clientCodeChallenge());
      text(out, p.requestedScopes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bytes.size() * 4 / 3 + PREFIX.length() + 40 > MAX_LENGTH) {
      return Optional.empty();
    }
    String state =
        PREFIX
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(cipher.seal(bytes.toByteArray(), CONTEXT));
    return state.length() > MAX_LENGTH ? Optional.empty() : Optional.of(state);
  }

  /**
   * The pending authorization sealed in {@code state}; empty when it was not sealed with this key
   * (or at all), or was altered. Expiry and browser are the caller's to check.
   */
  public Optional<PendingAuthorization> open(String state) {
    return open(secrets.cipher(), state);
  }

  static Optional<PendingAuthorization> open(SecretCipher cipher, String state) {
    if (!isSealed(state) || state.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    byte[] plain;
    try {
      plain = cipher.open(Base64.getUrlDecoder().decode(state.substring(PREFIX.length())), CONTEXT);
    } catch (IllegalArgumentException | IllegalStateException e) {
      return Optional.empty();
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
      if (in.readByte() != VERSION) {
        return Optional.empty();
      }
      PendingAuthorization.Builder b = PendingAuthorization.builder();
      b.stateHash(stateHash(in.readUTF()));
      b.apiKey(in.readUTF());
      b.provider(in.readUTF());
      b.flow(PendingAuthorization.Flow.values()[in.readByte()]);
      b.accountId(text(in));
      b.browserHash(in.readUTF());
      b.redirectUri(in.readUTF());
      b.responseType(in.readUTF());
      b.clientState(text(in));
      b.lang(text(in));
      b.sessionSeconds(in.readBoolean() ? in.readLong() : null);
      b.callbackUrl(in.readUTF());
      b.codeVerifierEncrypted(text(in));
      b.expiresAt(Instant.ofEpochSecond(in.readLong()));
      b.nonce(text(in));
      b.clientCodeChallenge(text(in));
      b.requestedScopes(text(in));
      return Optional.of(b.build());
    } catch (IOException | RuntimeException e) {
      // Authenticated, so only a state of another version of this format gets here.
      return Optional.empty();
    }
  }

  private static void text(DataOutputStream out, String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeUTF(value);
    }
  }

  private static String text(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }
}
