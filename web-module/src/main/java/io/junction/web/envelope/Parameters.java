package io.junction.web.envelope;

import io.junction.api.ProviderInfo;
import io.junction.provider.ProviderCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules for the parameters that several Socialize methods share: each rule has one home here,
 * and each refusal is the Gigya error naming the parameter (400002 missing, 400006 invalid).
 */
public final class Parameters {

  private Parameters() {}

  /** A provider permission (scope) name, as sites configure them and x_extraPermissions adds. */
  private static final Pattern PERMISSION = Pattern.compile("[A-Za-z0-9_.:/+-]{1,100}");

  /** The longest session Junction issues on request: about a hundred years. */
  static final long MAX_SESSION_SECONDS = 100L * 366 * 24 * 3600;

  /** The value of a required parameter: 400002 when it is absent or blank. */
  public static String required(ApiCall call, String name) {
    String v = call.paramOrNull(name);
    if (v == null) {
      throw GigyaException.missing(name);
    }
    return v;
  }

  /** A boolean parameter ({@code true}/{@code false}/{@code 1}/{@code 0}), false when absent. */
  public static boolean bool(ApiCall call, String name) {
    String v = call.paramOrNull(name);
    if (v == null) {
      return false;
    }
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw GigyaException.invalid(name, "must be true or false");
    };
  }

  /**
   * A site's own user id (siteUID, x_siteUID): at most 252 printable ASCII characters; null when
   * absent.
   */
  public static String siteUid(ApiCall call, String name) {
    String v = call.paramOrNull(name);
    if (v != null && (v.length() > 252 || !v.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
      throw GigyaException.invalid(name, "at most 252 printable ASCII characters");
    }
    return v;
  }

  /**
   * A Gigya session expiration: -2 (never), -1 (60 s), 0 (the default) or a number of seconds up to
   * about a hundred years; null when absent.
   */
  public static Long sessionSeconds(ApiCall call, String name) {
    return sessionSeconds(call.paramOrNull(name), name);
  }

  /** {@link #sessionSeconds(ApiCall, String)} of a raw value. */
  public static Long sessionSeconds(String raw, String name) {
    if (raw == null) {
      return null;
    }
    long v;
    try {
      v = Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw GigyaException.invalid(name, "must be a whole number of seconds");
    }
    if (v < -2 || v > MAX_SESSION_SECONDS) {
      throw GigyaException.invalid(
          name, "must be -2, -1, 0 or a number of seconds up to " + MAX_SESSION_SECONDS);
    }
    return v;
  }

  /** The provider a parameter names, by its Gigya name or alias: 400006 when unknown. */
  public static ProviderInfo provider(ProviderCatalog catalog, String name, String parameter) {
    return catalog
        .resolve(name)
        .orElseThrow(
            () -> GigyaException.invalid(parameter, "'" + name + "' is not a supported provider"));
  }

  /** Whether a name can be a provider permission (scope). */
  public static boolean isPermissionName(String name) {
    return name != null && PERMISSION.matcher(name).matches();
  }

  /** A comma-separated list of provider permissions (x_extraPermissions): at most 50 names. */
  public static List<String> permissionList(ApiCall call, String name) {
    return permissionList(call.paramOrNull(name), name);
  }

  /** {@link #permissionList(ApiCall, String)} of a raw value. */
  public static List<String> permissionList(String raw, String name) {
    if (raw == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String p : raw.split(",")) {
      String t = p.trim();
      if (t.isEmpty()) {
        continue;
      }
      if (!isPermissionName(t)) {
        throw GigyaException.invalid(name, "'" + t + "' is not a permission name");
      }
      out.add(t);
    }
    if (out.size() > 50) {
      throw GigyaException.invalid(name, "more than 50 permissions");
    }
    return out;
  }
}
