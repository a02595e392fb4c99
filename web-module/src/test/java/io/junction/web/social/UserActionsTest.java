package io.junction.web.social;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.ErrorCode;
import io.junction.api.UserAction;
import io.junction.provider.ImageFetcher;
import io.junction.provider.PublicAddresses;
import io.junction.provider.support.ProviderHttp;
import io.junction.web.envelope.GigyaException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A user action as publishUserAction reads it, with the public-address rule on (as in production):
 * an image on a private address is refused before anything is fetched.
 */
class UserActionsTest {

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0};

  private final List<String> fetched = new ArrayList<>();
  private final UserActions actions = new UserActions();

  UserActionsTest() {
    PublicAddresses strict =
        new PublicAddresses(
            false,
            host ->
                new InetAddress[] {
                  InetAddress.getByName(host.equals("cdn.example.com") ? "93.184.216.34" : host)
                });
    ProviderHttp images =
        new ProviderHttp() {
          @Override
          public Bytes getBytes(String provider, String url, int maxBytes) {
            fetched.add(url);
            return new Bytes(200, "image/png", PNG, false);
          }
        };
    actions.images = new ImageFetcher(strict, images, 1024);
  }

  @Test
  void anActionWithItsImageLinksAndTheUserMessageAsText() {
    UserAction a =
        actions.parse(
            "userAction",
            "{\"title\":\"Kettle\",\"subtitle\":\"steel\",\"linkBack\":\"https://shop.example.com/k\","
                + "\"userMessage\":\"<p>I <b>love</b> it</p><script>x</script>\","
                + "\"mediaItems\":[{\"type\":\"image\",\"src\":\"https://cdn.example.com/k.png\"},"
                + "{\"type\":\"mp3\",\"src\":\"https://cdn.example.com/a.mp3\"}],"
                + "\"actionLinks\":[{\"text\":\"Buy\",\"href\":\"https://shop.example.com/buy\"}]}");
    assertEquals("Kettle — steel", a.title());
    assertEquals("I love it\nx", a.userMessage());
    assertEquals(1, a.images().size());
    assertEquals(List.of("https://cdn.example.com/k.png"), fetched);
    assertEquals("https://shop.example.com/buy", a.actionLinks().get(0).href());
  }

  @Test
  void anImageOnAPrivateAddressIsRefusedUnfetched() {
    for (String src :
        List.of(
            "http://127.0.0.1/x.png",
            "http://10.0.0.5/x.png",
            "http://169.254.169.254/latest/meta-data/",
            "http://[::1]/x.png",
            "file:///etc/passwd")) {
      GigyaException e =
          assertThrows(
              GigyaException.class,
              () ->
                  actions.parse(
                      "userAction",
                      "{\"title\":\"t\",\"mediaItems\":[{\"type\":\"image\",\"src\":\""
                          + src
                          + "\"}]}"),
              src);
      assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, e.code());
      assertTrue(e.details().contains("userAction.mediaItems[0].src"), e.details());
    }
    assertTrue(fetched.isEmpty());
  }

  @Test
  void badActionsAre400006Or400002() {
    for (String bad :
        List.of(
            "[1]",
            "{\"title\":5}",
            "{\"linkBack\":\"javascript:alert(1)\",\"title\":\"t\"}",
            "{\"mediaItems\":{}}",
            "{}",
            "{\"title\":\"t\",\"actionLinks\":[\"x\"]}")) {
      GigyaException e =
          assertThrows(GigyaException.class, () -> actions.parse("userAction", bad), bad);
      assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, e.code(), bad);
    }
    assertEquals(
        ErrorCode.MISSING_REQUIRED_PARAMETER,
        assertThrows(
                GigyaException.class,
                () -> actions.parse("userAction", "{\"mediaItems\":[{\"type\":\"image\"}]}"))
            .code());
  }

  @Test
  void friendUidsAreStablePerSiteNetworkAndFriend() {
    String a = SocialMethods.friendUid("key1", "odnoklassniki", "571");
    assertEquals(a, SocialMethods.friendUid("key1", "odnoklassniki", "571"));
    assertTrue(a.startsWith("_gid_") && a.length() == 37, a);
    assertTrue(!a.equals(SocialMethods.friendUid("key2", "odnoklassniki", "571")));
    assertTrue(!a.equals(SocialMethods.friendUid("key1", "vkontakte", "571")));
  }
}
