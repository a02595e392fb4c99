package io.junction.web.account;

import io.junction.api.ProviderTokens;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scopes a provider granted an identity, as Junction remembers them: the token answer's {@code
 * scope} when the provider sends one (OAuth 2.0 lets it grant fewer than asked), else those the
 * authorization asked for (Odnoklassniki answers none). Kept space-separated.
 */
public final class GrantedScopes {

  /** The extra of {@link ProviderTokens} that holds the token answer's scope. */
  static final String SCOPE = "scope";

  private GrantedScopes() {}

  /** The tokens with their granted scopes known: the answer's, else {@code requested}. */
  public static ProviderTokens known(ProviderTokens tokens, String requested) {
    if (tokens.extras().get(SCOPE) != null || requested == null || requested.isBlank()) {
      return tokens;
    }
    Map<String, String> extras = new HashMap<>(tokens.extras());
    extras.put(SCOPE, requested);
    return new ProviderTokens(
        tokens.accessToken(), tokens.refreshToken(), tokens.expiresIn(), extras);
  }

  /** The granted scopes of a token answer, space-separated, or null when it names none. */
  static String of(ProviderTokens tokens) {
    String raw = tokens.extras().get(SCOPE);
    if (raw == null) {
      return null;
    }
    return String.join(" ", parse(raw));
  }

  /** Scopes as providers separate them: by spaces, commas or semicolons. */
  public static Set<String> parse(String raw) {
    Set<String> out = new LinkedHashSet<>();
    if (raw != null) {
      for (String s : raw.split("[\\s,;]+")) {
        if (!s.isEmpty()) {
          out.add(s);
        }
      }
    }
    return out;
  }

  /** Scopes joined for storage, space-separated. */
  public static String join(List<String> scopes) {
    return String.join(" ", new LinkedHashSet<>(scopes));
  }
}
