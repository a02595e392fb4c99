package io.junction.provider.google;

import io.junction.api.AuthorizationRequest;
import io.junction.api.Capability;
import io.junction.api.Contact;
import io.junction.api.ContactsReader;
import io.junction.api.ErrorCode;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderException;
import io.junction.api.ProviderInfo;
import io.junction.api.ProviderSession;
import io.junction.api.ProviderTokens;
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
 * Google Sign-In, by Gigya's name {@code googleplus}: OpenID Connect with PKCE and a nonce, the
 * id_token checked against Google's keys; {@code x_displayMode} popup or touch as {@code display}.
 * Contacts come from the People API ({@code people/me/connections}, contacts.readonly).
 */
@ApplicationScoped
public class GoogleConnector extends OidcConnector implements ContactsReader {

  static final String CONTACTS_SCOPE = "https://www.googleapis.com/auth/contacts.readonly";

  /** The most pages of 1000 contacts read. */
  static final int MAX_PAGES = 10;

  public GoogleConnector() {
    super(
        new ProviderInfo(
            "googleplus",
            "Google",
            false,
            List.of("openid", "profile", "email"),
            "Google Cloud console, APIs & Services, Credentials: an OAuth client ID of type Web application; Client ID and Client secret; the callback is an Authorized redirect URI."),
        new Endpoints(
            "https://accounts.google.com/o/oauth2/v2/auth",
            "https://oauth2.googleapis.com/token",
            "https://accounts.google.com",
            "https://www.googleapis.com/oauth2/v3/certs",
            "https://openidconnect.googleapis.com/v1/userinfo"));
  }

  @Override
  protected void addAuthorizationParams(AuthorizationRequest request, Map<String, String> params) {
    if ("popup".equals(request.displayMode()) || "touch".equals(request.displayMode())) {
      params.put("display", request.displayMode());
    }
  }

  /**
   * Google's tokeninfo endpoint names the OAuth client a token was issued to ({@code aud}, and
   * {@code azp} for the authorized party); either must be the site's client ID.
   */
  @Override
  public void checkIssuedTo(ProviderApp app, ProviderTokens tokens) {
    requireIssuedTo(
        app, tokens, "tokeninfo", "https://oauth2.googleapis.com/tokeninfo", "aud", "azp");
  }

  @Override
  public Map<Capability, List<String>> capabilities() {
    return Map.of(Capability.CONTACTS, List.of(CONTACTS_SCOPE));
  }

  @Override
  public List<Contact> contacts(ProviderApp app, ProviderSession session) {
    List<Contact> out = new ArrayList<>();
    String pageToken = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      Map<String, String> q = new LinkedHashMap<>();
      q.put("personFields", "names,emailAddresses,photos,nicknames");
      q.put("pageSize", "1000");
      if (pageToken != null) {
        q.put("pageToken", pageToken);
      }
      ProviderHttp.Answer answer =
          http.get(
              id(),
              url("contacts", "https://people.googleapis.com/v1/people/me/connections"),
              q,
              "Bearer " + session.accessToken());
      JsonObject body = connections(answer);
      if (body.get("connections") instanceof JsonArray people) {
        for (JsonValue v : people) {
          if (v instanceof JsonObject person) {
            out.add(contact(person));
          }
        }
      }
      pageToken = text(body.get("nextPageToken"));
      if (pageToken == null) {
        break;
      }
    }
    return out;
  }

  /** The People API's answer; its errors are {@code {"error": {code, status, message}}}. */
  JsonObject connections(ProviderHttp.Answer answer) {
    JsonObject body = null;
    if (jsonOrNull(answer) instanceof JsonObject o) {
      body = o;
    }
    if (answer.ok() && body != null) {
      return body;
    }
    String why =
        body != null && body.get("error") instanceof JsonObject e
            ? errorFields(e, "code", "status", "message")
            : "";
    ErrorCode code =
        answer.status() == 401
            ? ErrorCode.PROVIDER_SESSION_EXPIRED
            : answer.status() == 403 && scopeInsufficient(body)
                ? ErrorCode.NO_USER_PERMISSION
                : ErrorCode.PROVIDER_ERROR;
    throw new ProviderException(
        id(),
        code,
        "people.connections.list failed: HTTP "
            + answer.status()
            + (why.isEmpty() ? "" : ", " + why));
  }

  /**
   * Whether a 403 says the token lacks the scope (reason ACCESS_TOKEN_SCOPE_INSUFFICIENT): the user
   * did not grant contacts. Another 403 (the People API not enabled for the project, a quota) is
   * the application's, not the user's.
   */
  static boolean scopeInsufficient(JsonObject body) {
    if (body == null || !(body.get("error") instanceof JsonObject e)) {
      return false;
    }
    if (e.get("details") instanceof JsonArray details) {
      for (JsonValue d : details) {
        if (d instanceof JsonObject o
            && "ACCESS_TOKEN_SCOPE_INSUFFICIENT".equals(text(o.get("reason")))) {
          return true;
        }
      }
    }
    String message = text(e.get("message"));
    return message != null && message.contains("insufficient authentication scopes");
  }

  static Contact contact(JsonObject person) {
    JsonObject name = first(person, "names");
    JsonObject email = first(person, "emailAddresses");
    JsonObject photo = first(person, "photos");
    JsonObject nick = first(person, "nicknames");
    return new Contact(
        email == null ? null : text(email.get("value")),
        name == null ? null : text(name.get("givenName")),
        name == null ? null : text(name.get("familyName")),
        nick != null
            ? text(nick.get("value"))
            : name == null ? null : text(name.get("displayName")),
        photo == null ? null : text(photo.get("url")));
  }

  private static JsonObject first(JsonObject o, String key) {
    return o.get(key) instanceof JsonArray a && !a.isEmpty() && a.get(0) instanceof JsonObject f
        ? f
        : null;
  }
}
