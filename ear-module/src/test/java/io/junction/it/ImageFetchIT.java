package io.junction.it;

import static io.junction.it.Browser.enc;
import static io.junction.it.Junction.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The images of publishUserAction against the real server: an image URL that points at a private,
 * loopback or link-local address is refused (400006 naming the media item) before any network is
 * called, and the service at that address gets no request.
 *
 * <p>The test server lifts the public-address rule for its loopback stand-ins ({@code
 * junction.provider.allow-private-addresses}); {@code junction.social.image-private-endpoints}
 * narrows it for images to the Odnoklassniki stand-in's address and port alone. The private
 * services here listen on other loopback ports, and serve a real PNG to anyone who asks: a refusal
 * is the server's, not a failed fetch.
 */
class ImageFetchIT {

  private static final String SWITCHES = ",\"publishUserActions\":true";

  private final OkStandIn ok = OkStandIn.get();

  /** A loopback service that serves a PNG at every path and records every request. */
  private record Service(HttpServer server, List<String> hits) {
    int port() {
      return server.getAddress().getPort();
    }
  }

  private Service v4;
  private Service v6;

  private static Service service(InetAddress address) throws IOException {
    List<String> hits = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 10);
    server.createContext(
        "/",
        x -> {
          hits.add(x.getRequestURI().toString());
          x.getResponseHeaders().add("Content-Type", "image/png");
          x.sendResponseHeaders(200, OkStandIn.PNG.length);
          try (OutputStream out = x.getResponseBody()) {
            out.write(OkStandIn.PNG);
          }
          x.close();
        });
    server.start();
    return new Service(server, hits);
  }

  @BeforeEach
  void listen() throws IOException {
    v4 = service(InetAddress.getByName("127.0.0.1"));
    try {
      v6 = service(InetAddress.getByName("::1"));
    } catch (IOException e) {
      v6 = null; // no IPv6 loopback here: [::1] is still refused, with no service to ask
    }
  }

  @AfterEach
  void close() {
    v4.server().stop(0);
    if (v6 != null) {
      v6.server().stop(0);
    }
  }

  private static String action(String src) {
    return "{\"title\":\"Bought a kettle\",\"mediaItems\":[{\"type\":\"image\",\"src\":\""
        + src
        + "\"}]}";
  }

  private void assertRefused(JsonObject r, String parameter, String why, String src) {
    assertEquals(400006, r.getInt("errorCode"), src + " " + r);
    assertEquals("Invalid parameter value", r.getString("errorMessage"), r.toString());
    String details = r.getString("errorDetails");
    assertTrue(
        details.startsWith(
            "Invalid parameter value: " + parameter + ".mediaItems[0].src: the image"),
        details);
    assertTrue(details.contains(why), src + ": " + details);
    assertTrue(r.containsKey("callId"), r.toString());
  }

  private void assertNoRequest() {
    assertEquals(List.of(), v4.hits(), "the loopback service got no request");
    if (v6 != null) {
      assertEquals(List.of(), v6.hits(), "the IPv6 loopback service got no request");
    }
  }

  @Test
  void imagesAtPrivateAddressesAreRefusedAndNeverFetched() {
    Sites.Site site = Sites.withOdnoklassniki(SWITCHES, "");
    OkStandIn.User anna = OkStandIn.newUser("Anna");
    String token = SocialFlowIT.login(new Browser(), site, anna);
    String uid = Sites.call("socialize.getUserInfo", token, "").getString("UID");
    GigyaSigner signer = new GigyaSigner(site.apiKey(), site.secret(), null);

    // The same call with the stand-in's image, the one private endpoint images may come from:
    // fetched, uploaded and posted, so what follows is refused for its address alone.
    int topics = ok.topics.size();
    int uploads = ok.uploadedTypes.size();
    JsonObject posted =
        json(
            signer.send(
                Junction.HTTP,
                "socialize.publishUserAction",
                Map.of("UID", uid, "userAction", action(ok.imageUrl("kettle.png")))));
    assertEquals(0, posted.getInt("errorCode"), posted.toString());
    assertEquals(topics + 1, ok.topics.size());
    assertEquals(List.of("image/png"), ok.uploadedTypes.subList(uploads, uploads + 1));
    // ...and the service that would answer as well is really there.
    assertEquals(200, Junction.get("http://127.0.0.1:" + v4.port() + "/probe.png").statusCode());
    v4.hits().clear();

    String v6Port = String.valueOf(v6 == null ? v4.port() : v6.port());
    List<String[]> refused = new ArrayList<>();
    // {src, what the details say}
    refused.add(
        new String[] {"http://127.0.0.1:" + v4.port() + "/img.png", "127.0.0.1 is 127.0.0.1"});
    refused.add(
        new String[] {"https://127.0.0.1:" + v4.port() + "/img.png", "127.0.0.1 is 127.0.0.1"});
    refused.add(new String[] {"http://localhost:" + v4.port() + "/img.png", "localhost is "});
    refused.add(new String[] {"http://[::1]:" + v6Port + "/img.png", "::1 is 0:0:0:0:0:0:0:1"});
    refused.add(
        new String[] {
          "http://[::ffff:127.0.0.1]:" + v4.port() + "/img.png", "which is not a public address"
        });
    refused.add(
        new String[] {
          "http://169.254.169.254/latest/meta-data/iam.png", "169.254.169.254 is 169.254.169.254"
        });
    refused.add(new String[] {"http://10.0.0.1/img.png", "10.0.0.1 is 10.0.0.1"});
    // The stand-in's address on another port is no exception.
    refused.add(
        new String[] {"http://127.0.0.2:" + v4.port() + "/img.png", "127.0.0.2 is 127.0.0.2"});
    for (String[] c : refused) {
      JsonObject r =
          json(
              signer.send(
                  Junction.HTTP,
                  "socialize.publishUserAction",
                  Map.of("UID", uid, "userAction", action(c[0]))));
      assertRefused(r, "userAction", c[1], c[0]);
    }

    // By oauth_token, and in a network's own override of the action.
    String src = "http://127.0.0.1:" + v4.port() + "/img.png";
    assertRefused(
        Sites.call("socialize.publishUserAction", token, "&userAction=" + enc(action(src))),
        "userAction",
        "which is not a public address",
        src);
    assertRefused(
        Sites.call(
            "socialize.publishUserAction",
            token,
            "&userAction="
                + enc("{\"title\":\"t\"}")
                + "&odnoklassnikiUserAction="
                + enc(action(src))),
        "odnoklassnikiUserAction",
        "which is not a public address",
        src);

    // The allowed stand-in's redirect to a private address is not followed.
    String moved =
        ok.imageUrl("moved") + "?to=" + enc("http://127.0.0.1:" + v4.port() + "/img.png");
    assertRefused(
        json(
            signer.send(
                Junction.HTTP,
                "socialize.publishUserAction",
                Map.of("UID", uid, "userAction", action(moved)))),
        "userAction",
        "answered a redirect, which is not followed",
        moved);

    assertNoRequest();
    assertEquals(topics + 1, ok.topics.size(), "no refused action reached the network");
    assertEquals(uploads + 1, ok.uploadedTypes.size(), "nothing refused was uploaded");
  }
}
