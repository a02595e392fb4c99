package io.junction.provider.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.AuthorizationRequest;
import io.junction.api.CodeExchange;
import io.junction.api.ErrorCode;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderException;
import io.junction.provider.PublicAddresses;
import io.junction.provider.support.ProviderHttp;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generic OpenID Connect connector with saved discovery documents: where it lets the browser
 * and its own calls go (issuer, endpoints' hosts, https, public addresses), and the issuer an
 * authorization response names.
 */
class GenericOidcConnectorTest {

  private static final String ISSUER = "https://idp.example/realms/shop";

  /** A provider that answers the discovery document and refuses every code; records the calls. */
  private static final class FakeProvider extends ProviderHttp {
    final String document;
    final List<String> calls = new ArrayList<>();

    FakeProvider(String resource) {
      try (InputStream in = GenericOidcConnectorTest.class.getResourceAsStream(resource)) {
        document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }

    @Override
    public Answer get(
        String provider, String url, Map<String, String> query, String authorization) {
      calls.add("GET " + url);
      return url.endsWith("/.well-known/openid-configuration")
          ? new Answer(200, "application/json", document)
          : new Answer(404, "text/plain", "");
    }

    @Override
    public Answer postForm(
        String provider, String url, Map<String, String> form, String authorization) {
      calls.add("POST " + url);
      return new Answer(400, "application/json", "{\"error\":\"invalid_grant\"}");
    }

    boolean posted() {
      return calls.stream().anyMatch(c -> c.startsWith("POST "));
    }
  }

  private static final Map<String, String> DNS =
      Map.of(
          "idp.example", "93.184.216.34",
          "login.idp-cdn.example", "93.184.216.35",
          "api.idp-cdn.example", "93.184.216.36",
          "keys.idp-cdn.example", "93.184.216.37",
          "internal.idp.example", "10.0.0.5",
          "intranet.example", "192.168.1.20");

  private static final PublicAddresses RULE =
      new PublicAddresses(
          false,
          host -> {
            String ip =
                host.contains(":") || host.matches("[0-9.]+") ? host : DNS.get(host); // a literal
            if (ip == null) {
              throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(ip)};
          });

  private static ProviderApp app(String issuer, String... allowedHosts) {
    return new ProviderApp("client-1", null, "secret-1", List.of(), issuer, List.of(allowedHosts));
  }

  private static String authorize(GenericOidcConnector c, ProviderApp app) {
    return c.authorizationUrl(
        new AuthorizationRequest(
            app,
            "https://junction.example/GS/GSLogin.aspx",
            "st",
            List.of(),
            null,
            null,
            "challenge",
            "nonce-1"));
  }

  private static ProviderException exchange(
      GenericOidcConnector c, ProviderApp app, String issuer) {
    return assertThrows(
        ProviderException.class,
        () ->
            c.exchangeCode(
                app,
                new CodeExchange(
                    "code-1", "https://junction.example/GS/GSLogin.aspx", "v", "n", issuer)));
  }

  @Test
  void endpointsOnTheIssuersHostOverHttpsAreUsed() {
    FakeProvider idp = new FakeProvider("/oidc/discovery.json");
    GenericOidcConnector c = new GenericOidcConnector(idp, RULE);
    String url = authorize(c, app(ISSUER));
    assertTrue(
        url.startsWith("https://idp.example/realms/shop/protocol/openid-connect/auth?"), url);
    assertEquals(
        List.of("GET https://idp.example/realms/shop/.well-known/openid-configuration"), idp.calls);
    ProviderException refused = exchange(c, app(ISSUER), ISSUER);
    assertEquals(ErrorCode.PROVIDER_ERROR, refused.code(), refused.getMessage());
    assertTrue(refused.getMessage().contains("refused the token request"), refused.getMessage());
    assertEquals(
        "POST https://idp.example/realms/shop/protocol/openid-connect/token", idp.calls.get(1));
  }

  @Test
  void anAuthorizationResponseFromAnotherIssuerNeverReachesTheTokenEndpoint() {
    FakeProvider idp = new FakeProvider("/oidc/discovery.json");
    GenericOidcConnector c = new GenericOidcConnector(idp, RULE);
    ProviderException mixUp = exchange(c, app(ISSUER), "https://accounts.google.com");
    assertEquals(ErrorCode.UNEXPECTED_PROVIDER_USER, mixUp.code());
    assertTrue(
        mixUp.getMessage().contains("https://accounts.google.com")
            && mixUp.getMessage().contains(ISSUER),
        mixUp.getMessage());
    ProviderException trailingSlash = exchange(c, app(ISSUER), ISSUER + "/");
    assertEquals(ErrorCode.UNEXPECTED_PROVIDER_USER, trailingSlash.code(), "compared exactly");
    assertTrue(!idp.posted(), "no code went to a token endpoint: " + idp.calls);
  }

  @Test
  void aProviderThatNamesItselfInEveryResponseMustDoSo() {
    FakeProvider idp = new FakeProvider("/oidc/discovery.json");
    GenericOidcConnector c = new GenericOidcConnector(idp, RULE);
    ProviderException missing = exchange(c, app(ISSUER), null);
    assertEquals(ErrorCode.UNEXPECTED_PROVIDER_USER, missing.code());
    assertTrue(missing.getMessage().contains("names no issuer"), missing.getMessage());
    assertTrue(!idp.posted(), idp.calls.toString());

    FakeProvider quiet = new FakeProvider("/oidc/discovery-other-hosts.json");
    GenericOidcConnector other = new GenericOidcConnector(quiet, RULE);
    ProviderException tokenCall =
        exchange(other, app(ISSUER, "api.idp-cdn.example", "keys.idp-cdn.example"), null);
    assertEquals(ErrorCode.PROVIDER_ERROR, tokenCall.code(), "one that does not may omit it");
    assertTrue(quiet.posted());
  }

  @Test
  void endpointsOnAnotherHostNeedThatHostListed() {
    FakeProvider idp = new FakeProvider("/oidc/discovery-other-hosts.json");
    GenericOidcConnector c = new GenericOidcConnector(idp, RULE);
    ProviderException refused =
        assertThrows(ProviderException.class, () -> authorize(c, app(ISSUER)));
    assertEquals(ErrorCode.PROVIDER_CONFIGURATION_ERROR, refused.code());
    assertTrue(
        refused.getMessage().contains("authorization_endpoint is on login.idp-cdn.example"),
        refused.getMessage());

    ProviderApp listedLogin = app(ISSUER, "login.idp-cdn.example");
    assertTrue(authorize(c, listedLogin).startsWith("https://login.idp-cdn.example/"));
    ProviderException token = exchange(c, listedLogin, ISSUER);
    assertEquals(ErrorCode.PROVIDER_CONFIGURATION_ERROR, token.code());
    assertTrue(token.getMessage().contains("token_endpoint"), token.getMessage());
    assertTrue(!idp.posted(), idp.calls.toString());

    ProviderApp listedAll = app(ISSUER, "login.idp-cdn.example", "api.idp-cdn.example");
    assertEquals(ErrorCode.PROVIDER_ERROR, exchange(c, listedAll, ISSUER).code());
    assertTrue(idp.calls.contains("POST https://api.idp-cdn.example/realms/shop/token"));
  }

  @Test
  void aPlainHttpEndpointIsRefused() {
    FakeProvider idp = new FakeProvider("/oidc/discovery-plain-http.json");
    GenericOidcConnector c = new GenericOidcConnector(idp, RULE);
    assertTrue(authorize(c, app(ISSUER)).startsWith("https://idp.example/"));
    ProviderException refused = exchange(c, app(ISSUER), null);
    assertEquals(ErrorCode.PROVIDER_CONFIGURATION_ERROR, refused.code());
    assertTrue(refused.getMessage().contains("token_endpoint"), refused.getMessage());
    assertTrue(refused.getMessage().contains("must be https"), refused.getMessage());
    assertTrue(!idp.posted());
  }

  @Test
  void anEndpointOnAPrivateAddressIsRefusedEvenOnAListedHost() {
    FakeProvider idp = new FakeProvider("/oidc/discovery-internal.json");
    GenericOidcConnector c = new GenericOidcConnector(idp, RULE);
    ProviderApp listed = app(ISSUER, "internal.idp.example", "169.254.169.254");
    ProviderException token = exchange(c, listed, null);
    assertEquals(ErrorCode.PROVIDER_CONFIGURATION_ERROR, token.code());
    assertTrue(token.getMessage().contains("internal.idp.example is 10.0.0.5"), token.getMessage());
    assertTrue(!idp.posted());

    GenericOidcConnector lifted =
        new GenericOidcConnector(
            idp,
            new PublicAddresses(
                true,
                host ->
                    new InetAddress[] {
                      InetAddress.getByName(DNS.getOrDefault(host, "169.254.169.254"))
                    }));
    assertEquals(ErrorCode.PROVIDER_ERROR, exchange(lifted, listed, null).code());
    assertTrue(idp.posted(), "allow-private-addresses lifts the rule");
  }

  @Test
  void theKeySetOnTheMetadataServiceIsRefusedBeforeItIsFetched() {
    FakeProvider idp = new FakeProvider("/oidc/discovery-internal.json");
    GenericOidcConnector c = new GenericOidcConnector(idp, RULE);
    ProviderException refused =
        assertThrows(ProviderException.class, () -> c.jwksUrl(app(ISSUER, "169.254.169.254")));
    assertEquals(ErrorCode.PROVIDER_CONFIGURATION_ERROR, refused.code());
    assertTrue(refused.getMessage().contains("jwks_uri"), refused.getMessage());
    assertTrue(refused.getMessage().contains("not a public address"), refused.getMessage());
    assertTrue(
        idp.calls.stream().noneMatch(call -> call.contains("169.254")), idp.calls.toString());
  }

  @Test
  void anIssuerOnAPrivateAddressIsNeverAskedForItsDocument() {
    FakeProvider idp = new FakeProvider("/oidc/discovery.json");
    GenericOidcConnector c = new GenericOidcConnector(idp, RULE);
    for (String issuer :
        List.of(
            "https://intranet.example/realms/shop",
            "https://127.0.0.1/realms/shop",
            "https://[::1]/realms/shop",
            "https://[fd00::1]/",
            "https://169.254.169.254/latest",
            "http://idp.example/realms/shop")) {
      ProviderException refused =
          assertThrows(ProviderException.class, () -> authorize(c, app(issuer)), issuer);
      assertEquals(ErrorCode.PROVIDER_CONFIGURATION_ERROR, refused.code(), issuer);
      assertTrue(refused.getMessage().startsWith("the issuer "), refused.getMessage());
    }
    assertEquals(List.of(), idp.calls);
    ProviderException unknown =
        assertThrows(ProviderException.class, () -> authorize(c, app("https://nowhere.example/x")));
    assertEquals(ErrorCode.NETWORK_ERROR, unknown.code());
    assertEquals(List.of(), idp.calls);
  }

  @Test
  void theDocumentMustNameTheConfiguredIssuer() {
    FakeProvider idp = new FakeProvider("/oidc/discovery-other-issuer.json");
    GenericOidcConnector c = new GenericOidcConnector(idp, RULE);
    ProviderException refused =
        assertThrows(ProviderException.class, () -> authorize(c, app(ISSUER)));
    assertEquals(ErrorCode.PROVIDER_ERROR, refused.code());
    assertTrue(refused.getMessage().contains("another issuer"), refused.getMessage());
  }

  @Test
  void withoutAContainerPrivateAddressesAreRefused() {
    FakeProvider idp = new FakeProvider("/oidc/discovery.json");
    GenericOidcConnector c = new GenericOidcConnector(idp, null);
    ProviderException refused =
        assertThrows(
            ProviderException.class, () -> authorize(c, app("https://localhost/realms/shop")));
    assertEquals(ErrorCode.PROVIDER_CONFIGURATION_ERROR, refused.code());
    assertEquals(List.of(), idp.calls);
  }
}
