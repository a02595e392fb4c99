package io.junction.web.rest.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.ErrorCode;
import io.junction.provider.PublicAddresses;
import io.junction.web.envelope.GigyaException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What an administrator may give an oidc-&lt;name&gt; provider as its issuer and allowed hosts. */
class ProviderConfigResourceTest {

  private static final Map<String, String> DNS =
      Map.of(
          "idp.example", "93.184.216.34",
          "login.idp-cdn.example", "93.184.216.35",
          "intranet.example", "10.1.2.3",
          "localhost", "127.0.0.1");

  private static ProviderConfigResource resource(boolean allowPrivate) {
    ProviderConfigResource r = new ProviderConfigResource();
    r.addresses =
        new PublicAddresses(
            allowPrivate,
            host -> {
              String ip =
                  host.contains(":") || host.matches("[0-9.]+") ? host : DNS.get(host); // literal
              if (ip == null) {
                throw new UnknownHostException(host);
              }
              return new InetAddress[] {InetAddress.getByName(ip)};
            });
    return r;
  }

  private static String refusal(Runnable action, String field) {
    GigyaException e = assertThrows(GigyaException.class, action::run);
    assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, e.code());
    assertTrue(e.details().contains(field), e.details());
    return e.details();
  }

  private static AdminJson hosts(String json) {
    return AdminJson.parse(
        ("{\"allowedHosts\":" + json + "}").getBytes(StandardCharsets.UTF_8),
        Set.of("allowedHosts"));
  }

  @Test
  void anIssuerOnAnAddressThatIsNotPublicIsRefused() {
    ProviderConfigResource strict = resource(false);
    for (String issuer :
        List.of(
            "https://localhost/realms/shop",
            "https://intranet.example/",
            "https://127.0.0.1:8443/x",
            "https://10.0.0.1/",
            "https://172.16.5.4/",
            "https://192.168.1.1/",
            "https://169.254.169.254/latest",
            "https://0.0.0.0/",
            "https://[::1]/",
            "https://[fe80::1]/",
            "https://[fc00::1]/",
            "https://[::ffff:127.0.0.1]/")) {
      String why = refusal(() -> strict.checkIssuer(issuer), "issuer");
      assertTrue(why.contains("not a public address"), why);
    }
  }

  @Test
  void anIssuerMustBeHttpsWithoutQueryFragmentOrUser() {
    ProviderConfigResource strict = resource(false);
    assertTrue(
        refusal(() -> strict.checkIssuer("http://localhost:19093/acme"), "issuer")
            .contains("must be https"));
    assertTrue(
        refusal(() -> strict.checkIssuer("http://idp.example/"), "issuer")
            .contains("must be https"));
    refusal(() -> strict.checkIssuer("https://idp.example/?x=1"), "issuer");
    refusal(() -> strict.checkIssuer("https://idp.example/#f"), "issuer");
    refusal(() -> strict.checkIssuer("https://user@idp.example/"), "issuer");
    refusal(() -> strict.checkIssuer("https:///nohost"), "issuer");
    refusal(() -> strict.checkIssuer("not a url"), "issuer");
    strict.checkIssuer("https://idp.example/realms/shop");
    strict.checkIssuer("https://login.not-yet-in-dns.example/"); // checked again at each use
  }

  @Test
  void allowingPrivateAddressesAcceptsPlainHttpOnLoopbackOnly() {
    ProviderConfigResource lifted = resource(true);
    lifted.checkIssuer("http://localhost:19093/acme");
    lifted.checkIssuer("https://10.0.0.1/");
    assertTrue(refusal(() -> lifted.checkIssuer("http://10.0.0.1/"), "issuer").contains("https"));
    assertEquals(List.of("127.0.0.2"), lifted.allowedHosts(hosts("[\"127.0.0.2\"]"), true));
  }

  @Test
  void allowedHostsAreHostNamesOnPublicAddresses() {
    ProviderConfigResource strict = resource(false);
    assertEquals(
        List.of("login.idp-cdn.example", "keys.unknown.example"),
        strict.allowedHosts(
            hosts(
                "[\"Login.IDP-cdn.example.\",\"login.idp-cdn.example\",\"keys.unknown.example\"]"),
            true));
    assertEquals(List.of(), strict.allowedHosts(hosts("[]"), true));
    assertEquals(List.of(), strict.allowedHosts(hosts("null"), true));
    for (String bad :
        List.of(
            "[\"https://login.idp-cdn.example/\"]",
            "[\"login.idp-cdn.example:443\"]",
            "[\"login.idp-cdn.example/path\"]",
            "[\"\"]",
            "[\"a b\"]",
            "[42]",
            "\"login.idp-cdn.example\"")) {
      refusal(() -> strict.allowedHosts(hosts(bad), true), "allowedHosts");
    }
    for (String privateHost : List.of("localhost", "intranet.example", "127.0.0.2", "10.0.0.9")) {
      assertTrue(
          refusal(
                  () -> strict.allowedHosts(hosts("[\"" + privateHost + "\"]"), true),
                  "allowedHosts")
              .contains("not a public address"));
    }
    assertTrue(
        refusal(
                () -> strict.allowedHosts(hosts("[\"login.idp-cdn.example\"]"), false),
                "allowedHosts")
            .contains("only oidc-<name>"));
    StringBuilder many = new StringBuilder("[");
    for (int i = 0; i < 21; i++) {
      many.append(i == 0 ? "" : ",").append("\"h").append(i).append(".example\"");
    }
    refusal(() -> strict.allowedHosts(hosts(many + "]"), true), "allowedHosts");
  }
}
