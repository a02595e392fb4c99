package io.junction.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.junction.api.ErrorCode;
import io.junction.web.envelope.GigyaException;
import io.junction.web.site.HostNames;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A redirect_uri is either refused with 400011 (400002 when absent) or accepted as it came, and
 * then it is an absolute https URL (http only to a loopback host) without user info or fragment,
 * whose host is one of the site's domains or a subdomain of one; the parameters Junction appends to
 * it keep it so.
 *
 * <p>An input is the site's domains (comma-separated, first line), then the redirect_uri.
 */
class RedirectUrisFuzzTest {

  @FuzzTest
  @DictionaryEntries({
    "https://",
    "http://",
    "localhost",
    "127.0.0.1",
    "[::1]",
    "example.com",
    "@",
    "#",
    "%2e",
    ":443",
    "xn--"
  })
  void validate(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    int newline = text.indexOf('\n');
    String rawDomains = newline < 0 ? "example.com" : text.substring(0, newline);
    String raw = newline < 0 ? text : text.substring(newline + 1);
    // A site's domains are stored normalised: the admin API refuses any other.
    List<String> domains = new ArrayList<>();
    for (String d : rawDomains.split(",")) {
      HostNames.normalize(d).ifPresent(domains::add);
    }

    String accepted;
    try {
      accepted = RedirectUris.validate(raw, domains);
    } catch (GigyaException e) {
      ErrorCode expected =
          raw.isEmpty() ? ErrorCode.MISSING_REQUIRED_PARAMETER : ErrorCode.INVALID_REDIRECT_URI;
      assertEquals(expected, e.code(), raw);
      assertTrue(e.httpStatus() >= 400 && e.httpStatus() < 500, raw);
      return;
    }
    assertEquals(raw, accepted);
    assertSafe(accepted, domains);

    Map<String, String> params = new LinkedHashMap<>();
    params.put("code", "c&d=#e f");
    params.put("state", raw);
    String query = RedirectUris.append(accepted, params, false);
    assertSameTarget(accepted, query);
    assertNull(uri(query).getRawFragment(), query);
    String fragment = RedirectUris.append(accepted, params, true);
    assertSameTarget(accepted, fragment);
    assertNotNull(uri(fragment).getRawFragment(), fragment);
  }

  private static void assertSafe(String accepted, List<String> domains) {
    assertTrue(accepted.length() <= 2048);
    assertTrue(
        accepted
            .chars()
            .noneMatch(c -> c <= 0x20 || c == 0x7f || c == '\\' || Character.isISOControl(c)),
        accepted);
    URI uri = uri(accepted);
    assertTrue(uri.isAbsolute() && !uri.isOpaque(), accepted);
    assertNull(uri.getRawUserInfo(), accepted);
    assertFalse(uri.getRawAuthority().contains("@"), accepted);
    assertNull(uri.getRawFragment(), accepted);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    assertNotNull(host, accepted);
    boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    assertTrue(scheme.equals("https") || (scheme.equals("http") && loopback), accepted);
    String compared = host.toLowerCase(Locale.ROOT);
    if (compared.endsWith(".")) {
      compared = compared.substring(0, compared.length() - 1);
    }
    if (!compared.startsWith("[")) {
      compared = IDN.toASCII(compared, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    }
    for (String domain : domains) {
      if (compared.equals(domain) || compared.endsWith("." + domain)) {
        return;
      }
    }
    fail("accepted " + accepted + " whose host " + compared + " is none of " + domains);
  }

  private static void assertSameTarget(String accepted, String appended) {
    URI before = uri(accepted);
    URI after = uri(appended);
    assertEquals(before.getScheme(), after.getScheme(), appended);
    assertEquals(before.getRawAuthority(), after.getRawAuthority(), appended);
    assertEquals(before.getRawPath(), after.getRawPath(), appended);
    assertNull(after.getRawUserInfo(), appended);
  }

  private static URI uri(String s) {
    try {
      return new URI(s);
    } catch (URISyntaxException e) {
      throw new AssertionError("not a URI: " + s, e);
    }
  }
}
