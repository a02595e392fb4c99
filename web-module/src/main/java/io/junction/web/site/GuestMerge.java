package io.junction.web.site;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a login does with the guest connections of the browser (networks connected without a login,
 * kept behind the guest cookie).
 */
public enum GuestMerge {
  /** Ask the user on a page whether to add them to the account being logged into (default). */
  CONFIRM("confirm"),
  /** Never: the guest account stays as it is. */
  NEVER("never"),
  /**
   * Always, silently: whoever could plant a guest cookie in the browser gets their identity into
   * the account logged into next.
   */
  ALWAYS("always");

  private final String value;

  GuestMerge(String value) {
    this.value = value;
  }

  /** The name in the admin API and the database. */
  public String value() {
    return value;
  }

  /** The policy of a name, case-insensitive. */
  public static Optional<GuestMerge> of(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(g -> g.value.equals(n)).findFirst();
  }
}
