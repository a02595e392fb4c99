package io.junction.provider.google;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.junction.api.Contact;
import io.junction.api.ErrorCode;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderException;
import io.junction.api.ProviderSession;
import io.junction.provider.support.ProviderHttp;
import io.junction.provider.support.ScriptedHttp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Google contacts from saved People API answers. */
class GoogleContactsTest {

  private static final ProviderApp APP = new ProviderApp("c", null, "s", List.of());
  private static final ProviderSession SESSION = new ProviderSession("1089", "g-token");

  @Test
  void contactsAcrossPagesAndARefusal() {
    GoogleConnector google = new GoogleConnector();
    ScriptedHttp http =
        new ScriptedHttp(
            List.of(
                new ProviderHttp.Answer(
                    200,
                    "application/json",
                    "{\"connections\":[{\"resourceName\":\"people/c1\",\"etag\":\"%E1\","
                        + "\"names\":[{\"displayName\":\"Ann Lee\",\"familyName\":\"Lee\",\"givenName\":\"Ann\"}],"
                        + "\"emailAddresses\":[{\"value\":\"ann@example.com\"}],"
                        + "\"photos\":[{\"url\":\"https://lh3.googleusercontent.com/a\"}]}],"
                        + "\"nextPageToken\":\"N2\",\"totalPeople\":2}"),
                new ProviderHttp.Answer(
                    200,
                    "application/json",
                    "{\"connections\":[{\"resourceName\":\"people/c2\",\"emailAddresses\":[{\"value\":\"bo@example.com\"}]}],\"totalPeople\":2}"),
                new ProviderHttp.Answer(
                    403,
                    "application/json",
                    "{\"error\":{\"code\":403,\"message\":\"Request had insufficient authentication scopes.\",\"status\":\"PERMISSION_DENIED\"}}")));
    http.install(google);
    List<Contact> contacts = google.contacts(APP, SESSION);
    assertEquals("https://people.googleapis.com/v1/people/me/connections", http.urls().get(0));
    assertEquals("N2", http.forms().get(1).get("pageToken"));
    assertEquals(
        List.of(
            new Contact(
                "ann@example.com", "Ann", "Lee", "Ann Lee", "https://lh3.googleusercontent.com/a"),
            new Contact("bo@example.com", null, null, null, null)),
        contacts);
    ProviderException e =
        assertThrows(ProviderException.class, () -> google.contacts(APP, SESSION));
    assertEquals(ErrorCode.NO_USER_PERMISSION, e.code());
  }

  @Test
  void aDisabledApiIsTheApplicationsErrorNotTheUsers() {
    GoogleConnector google = new GoogleConnector();
    ScriptedHttp http =
        new ScriptedHttp(
            List.of(
                new ProviderHttp.Answer(
                    403,
                    "application/json",
                    "{\"error\":{\"code\":403,\"message\":\"People API has not been used in project 1"
                        + " before or it is disabled.\",\"status\":\"PERMISSION_DENIED\",\"details\":"
                        + "[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":"
                        + "\"SERVICE_DISABLED\"}]}}"),
                new ProviderHttp.Answer(
                    403,
                    "application/json",
                    "{\"error\":{\"code\":403,\"message\":\"x\",\"status\":\"PERMISSION_DENIED\","
                        + "\"details\":[{\"reason\":\"ACCESS_TOKEN_SCOPE_INSUFFICIENT\"}]}}")));
    http.install(google);
    ProviderException disabled =
        assertThrows(ProviderException.class, () -> google.contacts(APP, SESSION));
    assertEquals(ErrorCode.PROVIDER_ERROR, disabled.code());
    ProviderException scope =
        assertThrows(ProviderException.class, () -> google.contacts(APP, SESSION));
    assertEquals(ErrorCode.NO_USER_PERMISSION, scope.code());
  }

  @Test
  void aHandedOverTokenMustBeTheSitesClients() {
    io.junction.api.ProviderTokens token =
        new io.junction.api.ProviderTokens("g-token", null, null, java.util.Map.of());
    GoogleConnector google = new GoogleConnector();
    ScriptedHttp http =
        new ScriptedHttp(
            List.of(
                new ProviderHttp.Answer(
                    200, "application/json", "{\"aud\":\"c\",\"azp\":\"c\",\"sub\":\"1089\"}"),
                new ProviderHttp.Answer(
                    200, "application/json", "{\"aud\":\"other\",\"azp\":\"c\",\"sub\":\"1089\"}"),
                new ProviderHttp.Answer(
                    200,
                    "application/json",
                    "{\"aud\":\"other\",\"azp\":\"other\",\"sub\":\"1089\"}"),
                new ProviderHttp.Answer(
                    400, "application/json", "{\"error_description\":\"Invalid Value\"}")));
    http.install(google);
    google.checkIssuedTo(APP, token);
    assertEquals("https://oauth2.googleapis.com/tokeninfo", http.urls().get(0));
    assertEquals("g-token", http.forms().get(0).get("access_token"));
    google.checkIssuedTo(APP, token); // the site's client is the authorized party
    assertEquals(
        ErrorCode.INVALID_TOKEN,
        assertThrows(ProviderException.class, () -> google.checkIssuedTo(APP, token)).code());
    assertEquals(
        ErrorCode.INVALID_TOKEN,
        assertThrows(ProviderException.class, () -> google.checkIssuedTo(APP, token)).code());
  }
}
