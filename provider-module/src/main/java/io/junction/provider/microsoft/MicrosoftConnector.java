package io.junction.provider.microsoft;

import io.junction.api.Capability;
import io.junction.api.Contact;
import io.junction.api.ContactsReader;
import io.junction.api.ErrorCode;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderException;
import io.junction.api.ProviderInfo;
import io.junction.api.ProviderSession;
import io.junction.provider.support.OidcConnector;
import io.junction.provider.support.ProviderHttp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Microsoft accounts (Gigya's {@code microsoft}; its aliases are the registry's): OpenID Connect at
 * the {@code common} endpoint, whose id_tokens name the user's tenant in their issuer ({@code
 * https://login.microsoftonline.com/{tid}/v2.0}); the issuer is checked with that tenant. Contacts
 * come from Microsoft Graph ({@code /me/contacts}, Contacts.Read).
 */
@ApplicationScoped
public class MicrosoftConnector extends OidcConnector implements ContactsReader {

  /** The most pages of contacts read. */
  static final int MAX_PAGES = 10;

  /** Where the configured issuer names the user's tenant. */
  private static final String TENANT = "{tenantid}";

  public MicrosoftConnector() {
    super(
        new ProviderInfo(
            "microsoft",
            "Microsoft",
            false,
            List.of("openid", "profile", "email", "offline_access"),
            "Microsoft Entra admin center, App registrations: a Web platform app for accounts in any organization and personal Microsoft accounts; Application (client) ID and a client secret; the callback is a Web redirect URI."),
        new Endpoints(
            "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
            "https://login.microsoftonline.com/common/oauth2/v2.0/token",
            "https://login.microsoftonline.com/{tenantid}/v2.0",
            "https://login.microsoftonline.com/common/discovery/v2.0/keys",
            "https://graph.microsoft.com/oidc/userinfo"));
  }

  /** The configured issuer, with {@code {tenantid}} standing for the token's own {@code tid}. */
  @Override
  protected boolean issuerMatches(ProviderApp app, String issuer, JsonObject claims) {
    String tid = claims.getString("tid", null);
    String expected = issuer(app);
    return expected.contains("{tenantid}")
        ? tid != null && expected.replace("{tenantid}", tid).equals(issuer)
        : expected.equals(issuer);
  }

  /**
   * An authorization response names the issuer of the user's tenant, unknown before the id_token:
   * with {@code {tenantid}} in the configured issuer, any one tenant in its place matches.
   */
  @Override
  protected boolean authorizationIssuerMatches(ProviderApp app, String iss) {
    String expected = issuer(app);
    int at = expected.indexOf(TENANT);
    if (at < 0) {
      return expected.equals(iss);
    }
    String prefix = expected.substring(0, at);
    String suffix = expected.substring(at + TENANT.length());
    return iss.length() > prefix.length() + suffix.length()
        && iss.startsWith(prefix)
        && iss.endsWith(suffix)
        && iss.substring(prefix.length(), iss.length() - suffix.length())
            .matches("[A-Za-z0-9.-]{1,100}");
  }

  @Override
  public Map<Capability, List<String>> capabilities() {
    return Map.of(Capability.CONTACTS, List.of("Contacts.Read"));
  }

  @Override
  public List<Contact> contacts(ProviderApp app, ProviderSession session) {
    List<Contact> out = new ArrayList<>();
    String base = url("contacts", "https://graph.microsoft.com/v1.0/me/contacts");
    String next = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      Map<String, String> q;
      if (next == null) {
        q = new LinkedHashMap<>();
        q.put("$select", "displayName,givenName,surname,emailAddresses");
        q.put("$top", "1000");
      } else {
        q = nextQuery(base, next);
        if (q == null) {
          break; // a next page elsewhere than the contacts endpoint is not followed
        }
      }
      // Always the endpoint's own URL, the page in the query: one kept client, not one a page.
      ProviderHttp.Answer answer = http.get(id(), base, q, "Bearer " + session.accessToken());
      JsonObject body = graph(answer);
      if (body.get("value") instanceof JsonArray people) {
        for (JsonValue v : people) {
          if (v instanceof JsonObject c) {
            out.add(contact(c));
          }
        }
      }
      next = text(body.get("@odata.nextLink"));
      if (next == null) {
        break;
      }
    }
    return out;
  }

  /**
   * The query of Graph's {@code @odata.nextLink}, decoded, when the link is the contacts endpoint
   * itself (same scheme, host, port and path); else null.
   */
  static Map<String, String> nextQuery(String base, String next) {
    java.net.URI b;
    java.net.URI n;
    try {
      b = new java.net.URI(base);
      n = new java.net.URI(next);
    } catch (java.net.URISyntaxException e) {
      return null;
    }
    if (n.getRawQuery() == null
        || !String.valueOf(b.getScheme()).equalsIgnoreCase(String.valueOf(n.getScheme()))
        || !String.valueOf(b.getHost()).equalsIgnoreCase(String.valueOf(n.getHost()))
        || b.getPort() != n.getPort()
        || !String.valueOf(b.getRawPath()).equals(n.getRawPath())
        || n.getRawUserInfo() != null) {
      return null;
    }
    Map<String, String> q = new LinkedHashMap<>();
    for (String pair : n.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      try {
        q.put(
            java.net.URLDecoder.decode(
                pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
            java.net.URLDecoder.decode(
                pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return q;
  }

  /** Graph's answer; its errors are {@code {"error": {code, message}}}. */
  JsonObject graph(ProviderHttp.Answer answer) {
    JsonObject body = jsonOrNull(answer) instanceof JsonObject o ? o : null;
    if (answer.ok() && body != null) {
      return body;
    }
    String why =
        body != null && body.get("error") instanceof JsonObject e
            ? errorFields(e, "code", "message")
            : "";
    ErrorCode code =
        answer.status() == 401
            ? ErrorCode.PROVIDER_SESSION_EXPIRED
            : answer.status() == 403 ? ErrorCode.NO_USER_PERMISSION : ErrorCode.PROVIDER_ERROR;
    throw new ProviderException(
        id(),
        code,
        "me/contacts failed: HTTP " + answer.status() + (why.isEmpty() ? "" : ", " + why));
  }

  static Contact contact(JsonObject c) {
    String email = null;
    if (c.get("emailAddresses") instanceof JsonArray a
        && !a.isEmpty()
        && a.get(0) instanceof JsonObject e) {
      email = text(e.get("address"));
    }
    return new Contact(
        email, text(c.get("givenName")), text(c.get("surname")), text(c.get("displayName")), null);
  }
}
