package io.junction.web.oauth;

import io.junction.web.envelope.ApiCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * A callback that arrives over plain HTTP (a CNAME callback without "Secure redirects only") is
 * sent to the same callback over HTTPS first: the browser cookie is Secure, so only there does the
 * browser show it, and without it the callback could not tell the browser that started the flow.
 *
 * <p>The HTTPS address is the callback URL the flow gave the provider, as stored with its pending
 * authorization, never one built from the request's Host header; a state Junction does not know is
 * left to the callback, which refuses it.
 */
@ApplicationScoped
public class SecureCallback {

  @Inject PendingAuthorizations pending;

  /**
   * Where to send a callback first: the HTTPS form of its flow's callback URL with the same query,
   * when the callback came over plain HTTP for a pending authorization; empty otherwise.
   *
   * @param rawQuery the request's query string as it came, or null
   */
  public Optional<String> httpsLocation(ApiCall call, String rawQuery) {
    if (call.secure()) {
      return Optional.empty();
    }
    String state = call.paramOrNull("state");
    if (state == null) {
      return Optional.empty();
    }
    return pending
        .find(state)
        .map(p -> https(p.callbackUrl()) + (rawQuery == null ? "" : "?" + rawQuery));
  }

  static String https(String url) {
    return url.regionMatches(true, 0, "http://", 0, 7) ? "https://" + url.substring(7) : url;
  }
}
