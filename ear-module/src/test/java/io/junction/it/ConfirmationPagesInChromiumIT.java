package io.junction.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The confirmation pages in a real headless Chromium, which applies their Content-Security-Policy
 * and the __Host- cookie rules: the forms post, and the redirects after them (to the provider, to
 * the site) are allowed. Only the URL of the site's page is read.
 */
class ConfirmationPagesInChromiumIT {

  private static WebDriver driver;
  private static WebDriverWait wait;
  private final OkStandIn ok = OkStandIn.get();

  @BeforeAll
  static void browser() throws Exception {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--ignore-certificate-errors",
        // The site's page: Junction's own HTTPS port answers it (with a 404), so that Chromium
        // ends there on a page rather than on a network error it would retry.
        "--host-resolver-rules=MAP shop.example.com 127.0.0.1:"
            + System.getProperty("junction.https.port", "19443"),
        "--user-data-dir=" + Files.createTempDirectory("junction-chromium"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"))
                    .toFile())
            .build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  @AfterAll
  static void close() {
    if (driver != null) {
      driver.quit();
    }
  }

  /** The answer Junction appended to the site's page, once Chromium has been sent there. */
  private static Map<String, String> atTheSite() {
    wait.until(ExpectedConditions.urlContains(Browser.SITE_PAGE));
    String url = driver.getCurrentUrl();
    return OkStandIn.query(URI.create(url.substring(url.indexOf(Browser.SITE_PAGE))).getRawQuery());
  }

  private static void click(String choice) {
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("button[name=choice][value=" + choice + "]")))
        .click();
  }

  @Test
  void aConnectionFromAnotherBrowserContinuesToTheProviderAndBack() {
    Sites.Site site = Sites.withOdnoklassniki();
    String token =
        Sites.token(site, "grant_type=client_credentials&x_siteUID=chromium-" + System.nanoTime());
    OkStandIn.User user = OkStandIn.newUser("Chrome");
    driver.get(Browser.connectUrl(token, ""));
    wait.until(ExpectedConditions.titleContains("Connect Odnoklassniki?"));
    ok.consentAs(user);
    click("continue");
    Map<String, String> back = atTheSite();
    assertEquals("0", back.get("errorCode"), back.toString());
    assertEquals("cn-1", back.get("state"));
    assertEquals(
        List.of(user.uid()),
        SocialFlowIT.identityUids(Sites.call("socialize.getUserInfo", token, "")));
  }

  @Test
  void aLoginAddsTheGuestConnectionsWhenTheUserSaysSo() {
    Sites.Site site = Sites.withOdnoklassniki();
    OkStandIn.User guest = OkStandIn.newUser("Chromeguest");
    ok.consentAs(guest);
    driver.get(Browser.connectUrl(Sites.token(site, "grant_type=none"), ""));
    assertEquals("0", atTheSite().get("errorCode"));

    OkStandIn.User owner = OkStandIn.newUser("Chromeowner");
    ok.consentAs(owner);
    driver.get(Browser.loginUrl(site.apiKey(), ""));
    wait.until(ExpectedConditions.titleContains("Add these networks to your account?"));
    assertTrue(driver.getPageSource().contains(guest.name()));
    click("continue");
    Map<String, String> back = atTheSite();
    assertNotNull(back.get("code"), back.toString());
    assertEquals(
        List.of(guest.uid(), owner.uid()).stream().sorted().toList(),
        SocialFlowIT.identityUids(
                Sites.call("socialize.getUserInfo", Sites.tokenForCode(site, back.get("code")), ""))
            .stream()
            .sorted()
            .toList());
  }
}
