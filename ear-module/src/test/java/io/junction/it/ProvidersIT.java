package io.junction.it;

import static io.junction.it.Browser.answer;
import static io.junction.it.Browser.location;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole login flow through the other connectors, against their loopback stand-ins. */
class ProvidersIT {

  private final ProviderStandIns standIn = ProviderStandIns.get();

  private JsonObject login(Sites.Site site, String provider, OkStandIn.User user, String extra) {
    Browser browser = new Browser();
    String start =
        Browser.loginUrl(site.apiKey(), extra)
            .replace("x_provider=odnoklassniki", "x_provider=" + provider);
    String providerPage = browser.start(start);
    standIn.consentAs(user);
    String callback = location(browser.get(providerPage));
    Map<String, String> back = answer(location(browser.get(callback)));
    String token = Sites.tokenForCode(site, back.get("code"));
    JsonObject info = Sites.call("socialize.getUserInfo", token, "");
    assertEquals(0, info.getInt("errorCode"), info.toString());
    return info;
  }

  @Test
  void vkontakte() {
    Sites.Site site =
        Sites.withProvider("vkontakte", ProviderStandIns.VK_APP, ProviderStandIns.VK_SECRET);
    OkStandIn.User user = OkStandIn.newUser("Vasya");
    JsonObject info = login(site, "vkontakte", user, "&x_displayMode=touch");
    Map<String, String> authorize = standIn.last.get("/vk/authorize");
    assertEquals("email", authorize.get("scope"));
    assertEquals("mobile", authorize.get("display"));
    assertEquals("5.131", authorize.get("v"));
    assertEquals("5.131", standIn.last.get("/vk/method/users.get").get("v"));
    assertEquals("vkontakte", info.getString("loginProvider"));
    assertEquals(user.uid(), info.getString("loginProviderUID"));
    assertEquals(user.email(), info.getString("email"), "VK's e-mail comes with the token");
    assertEquals("m", info.getString("gender"));
    assertEquals("1991-04-03", info.getString("birthday"));
  }

  @Test
  void facebook() {
    Sites.Site site =
        Sites.withProvider("facebook", ProviderStandIns.FB_APP, ProviderStandIns.FB_SECRET);
    OkStandIn.User user = OkStandIn.newUser("Maria");
    JsonObject info =
        login(site, "facebook", user, "&x_displayMode=popup&x_extraPermissions=user_birthday");
    Map<String, String> authorize = standIn.last.get("/fb/dialog/oauth");
    assertEquals("popup", authorize.get("display"));
    assertEquals("email,public_profile,user_birthday", authorize.get("scope"));
    assertTrue(standIn.last.get("/fb/me").containsKey("appsecret_proof"));
    assertEquals("facebook", info.getString("loginProvider"));
    assertEquals(user.name(), info.getString("nickname"));
    assertEquals(user.email(), info.getString("email"));
    assertEquals("https://fb.example/p.jpg", info.getString("photoURL"));
  }

  @Test
  void wechat() {
    Sites.Site site =
        Sites.withProvider("wechat", ProviderStandIns.WECHAT_APP, ProviderStandIns.WECHAT_SECRET);
    OkStandIn.User user = OkStandIn.newUser("Wei");
    JsonObject info = login(site, "wechat", user, "");
    assertEquals("snsapi_login", standIn.last.get("/wechat/connect/qrconnect").get("scope"));
    assertEquals(
        "union-" + user.uid(), info.getString("loginProviderUID"), "the unionid is the identity");
    assertEquals(user.name(), info.getString("nickname"));
    assertEquals("f", info.getString("gender"));
  }

  @Test
  void sina() {
    Sites.Site site =
        Sites.withProvider("sina", ProviderStandIns.SINA_APP, ProviderStandIns.SINA_SECRET);
    OkStandIn.User user = OkStandIn.newUser("Li");
    JsonObject info = login(site, "sina", user, "");
    assertEquals(user.uid(), info.getString("loginProviderUID"));
    assertEquals(user.firstName(), info.getString("nickname"));
    assertEquals("https://sina.example/l.jpg", info.getString("photoURL"));
  }

  @Test
  void twitterInstagramRenrenMixiAndQq() {
    Map<String, String> nicknames = new java.util.LinkedHashMap<>();
    for (String provider : new String[] {"twitter", "instagram", "renren", "mixi", "qq"}) {
      Sites.Site site = Sites.withProvider(provider, ProviderStandIns.APP, ProviderStandIns.SECRET);
      OkStandIn.User user = OkStandIn.newUser("User");
      JsonObject info = login(site, provider, user, "");
      assertEquals(provider, info.getString("loginProvider"));
      assertEquals(
          provider.equals("qq") ? "openid-" + user.uid() : user.uid(),
          info.getString("loginProviderUID"),
          provider);
      nicknames.put(provider, info.getString("nickname", null));
    }
    assertEquals("User", nicknames.get("twitter"));
    assertEquals("User", nicknames.get("instagram"));
    assertTrue(nicknames.get("renren").startsWith("User "), nicknames.toString());
    assertTrue(nicknames.get("mixi").startsWith("User "), nicknames.toString());
    assertEquals("User", nicknames.get("qq"));
    assertTrue(standIn.last.get("/twitter/authorize").containsKey("code_challenge"));
  }

  @Test
  void messengerIsMicrosoft() {
    Sites.Site site = Sites.withOdnoklassniki();
    Browser b = new Browser();
    Map<String, String> back =
        answer(
            location(
                b.get(
                    Browser.loginUrl(site.apiKey(), "")
                        .replace("x_provider=odnoklassniki", "x_provider=messenger"))));
    assertEquals("500031", back.get("errorCode"), "the site has no Microsoft application: " + back);
    assertTrue(back.get("errorDetails").contains("microsoft"), back.toString());
  }
}
