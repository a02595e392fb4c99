package io.junction.provider.microsoft;

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

/** Microsoft contacts from saved Graph answers. */
class MicrosoftContactsTest {

  private static final ProviderApp APP = new ProviderApp("c", null, "s", List.of());
  private static final ProviderSession SESSION = new ProviderSession("00000-1", "ms-token");

  @Test
  void aNextLinkIsFollowedOnlyOnTheContactsEndpoint() {
    String base = "https://graph.microsoft.com/v1.0/me/contacts";
    assertEquals(
        java.util.Map.of("$skiptoken", "a b+c"),
        MicrosoftConnector.nextQuery(base, base + "?%24skiptoken=a%20b%2Bc"));
    assertEquals(
        null, MicrosoftConnector.nextQuery(base, "https://evil.example/v1.0/me/contacts?a=1"));
    assertEquals(
        null,
        MicrosoftConnector.nextQuery(base, "http://graph.microsoft.com/v1.0/me/contacts?a=1"));
    assertEquals(null, MicrosoftConnector.nextQuery(base, base + "/../x?a=1"));
    assertEquals(
        null,
        MicrosoftConnector.nextQuery(base, "https://u@graph.microsoft.com/v1.0/me/contacts?a=1"));
  }

  @Test
  void contactsFollowingNextLinksOnlyOnTheContactsEndpoint() {
    MicrosoftConnector ms = new MicrosoftConnector();
    ScriptedHttp http =
        new ScriptedHttp(
            List.of(
                new ProviderHttp.Answer(
                    200,
                    "application/json",
                    "{\"@odata.context\":\"x\",\"value\":[{\"id\":\"AAM1\",\"displayName\":\"Ann Lee\","
                        + "\"givenName\":\"Ann\",\"surname\":\"Lee\",\"emailAddresses\":"
                        + "[{\"name\":\"Ann Lee\",\"address\":\"ann@contoso.com\"}]}],"
                        + "\"@odata.nextLink\":\"https://graph.microsoft.com/v1.0/me/contacts?$skip=1\"}"),
                new ProviderHttp.Answer(
                    200,
                    "application/json",
                    "{\"value\":[{\"displayName\":\"Bo\"}],"
                        + "\"@odata.nextLink\":\"https://evil.example/steal\"}"),
                new ProviderHttp.Answer(
                    401,
                    "application/json",
                    "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"Access token has expired.\"}}")));
    http.install(ms);
    List<Contact> contacts = ms.contacts(APP, SESSION);
    assertEquals(2, http.urls().size());
    // Every page from the endpoint's own URL, the next link's query as the page's parameters.
    assertEquals("https://graph.microsoft.com/v1.0/me/contacts", http.urls().get(1));
    assertEquals(java.util.Map.of("$skip", "1"), http.forms().get(1));
    assertEquals(
        List.of(
            new Contact("ann@contoso.com", "Ann", "Lee", "Ann Lee", null),
            new Contact(null, null, null, "Bo", null)),
        contacts);
    assertEquals(
        ErrorCode.PROVIDER_SESSION_EXPIRED,
        assertThrows(ProviderException.class, () -> ms.contacts(APP, SESSION)).code());
  }
}
