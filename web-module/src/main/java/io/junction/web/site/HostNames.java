package io.junction.web.site;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Host names as Junction compares them: ASCII (IDNA), lower case, without a trailing dot. A
 * registered domain covers itself and its subdomains, so a site's domain must not be a public
 * suffix ({@code com}, {@code co.uk}, {@code github.io}): it needs at least one label left of one.
 *
 * <p>The public suffixes are the Public Suffix List, embedded as {@code public_suffix_list.dat}
 * beside this class (both its ICANN and PRIVATE sections, as published on 2023-02-09), read with
 * the list's own algorithm: the longest matching rule wins, an exception rule ({@code !www.ck})
 * beats a wildcard ({@code *.ck}), and a name no rule matches has its last label as suffix, so
 * every top-level domain, even one newer than the embedded list, is a suffix. Multi-label suffixes
 * registered after that date are not known until the file is refreshed from
 * https://publicsuffix.org/list/public_suffix_list.dat. {@code localhost} (and names under it) stay
 * registrable: they name the developer's own machine.
 */
public final class HostNames {

  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  private HostNames() {}

  /** The normal form of a host name, or empty when it is not one (no scheme, port or path). */
  public static Optional<String> normalize(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String host = raw.trim();
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (host.isEmpty() || host.length() > 253) {
      return Optional.empty();
    }
    try {
      host = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (host.isEmpty() || host.length() > 253) {
      return Optional.empty();
    }
    for (String label : host.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return Optional.empty();
      }
    }
    return Optional.of(host);
  }

  /** The public suffix of a normalised host name: {@code co.uk} for {@code shop.example.co.uk}. */
  public static String publicSuffix(String host) {
    return PublicSuffixes.RULES.suffixOf(host);
  }

  /**
   * Whether a site may register {@code host} (normalised) as one of its domains: a name with at
   * least one label left of its public suffix, or {@code localhost}.
   */
  public static boolean registrable(String host) {
    if (host.equals("localhost") || host.endsWith(".localhost")) {
      return true;
    }
    return host.length() > publicSuffix(host).length();
  }

  /** Whether {@code host} (normalised) is {@code domain} or one of its subdomains. */
  public static boolean within(String host, String domain) {
    return host.equals(domain)
        || (host.length() > domain.length()
            && host.endsWith(domain)
            && host.charAt(host.length() - domain.length() - 1) == '.');
  }

  /** The rules of the embedded Public Suffix List, read once. */
  static final class PublicSuffixes {

    static final PublicSuffixes RULES = load();

    private final Set<String> rules;
    private final Set<String> wildcards;
    private final Set<String> exceptions;

    PublicSuffixes(Set<String> rules, Set<String> wildcards, Set<String> exceptions) {
      this.rules = rules;
      this.wildcards = wildcards;
      this.exceptions = exceptions;
    }

    static PublicSuffixes parse(List<String> lines) {
      Set<String> rules = new HashSet<>();
      Set<String> wildcards = new HashSet<>();
      Set<String> exceptions = new HashSet<>();
      for (String line : lines) {
        String rule = line.trim();
        if (rule.isEmpty() || rule.startsWith("//")) {
          continue;
        }
        Set<String> into = rules;
        if (rule.startsWith("!")) {
          into = exceptions;
          rule = rule.substring(1);
        } else if (rule.startsWith("*.")) {
          into = wildcards;
          rule = rule.substring(2);
        }
        try {
          into.add(IDN.toASCII(rule, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          // a rule no normalised host name can match
        }
      }
      return new PublicSuffixes(rules, wildcards, exceptions);
    }

    private static PublicSuffixes load() {
      try (InputStream in = HostNames.class.getResourceAsStream("public_suffix_list.dat")) {
        if (in == null) {
          throw new IllegalStateException("public_suffix_list.dat is missing");
        }
        return parse(
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read public_suffix_list.dat", e);
      }
    }

    /** The public suffix of a normalised host name, by the list's algorithm. */
    String suffixOf(String host) {
      String[] labels = host.split("\\.");
      // An exception rule prevails over every other: its suffix is the rule less its first label.
      for (int i = 0; i < labels.length; i++) {
        if (exceptions.contains(join(labels, i))) {
          return join(labels, i + 1);
        }
      }
      // Otherwise the longest rule that matches, a wildcard matching any one label.
      for (int i = 0; i < labels.length; i++) {
        String candidate = join(labels, i);
        if (rules.contains(candidate)
            || (i + 1 < labels.length && wildcards.contains(join(labels, i + 1)))) {
          return candidate;
        }
      }
      return labels[labels.length - 1];
    }

    private static String join(String[] labels, int from) {
      return String.join(".", Arrays.asList(labels).subList(from, labels.length));
    }
  }
}
