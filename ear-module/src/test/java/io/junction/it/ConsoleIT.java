package io.junction.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real headless Chromium (Debian's chromium and chromium-driver): an administrator
 * signs in, creates a site, configures Odnoklassniki with its three keys, reloads and sees the
 * masked secret; finds a user, unlinks their identities (the last one after a second confirmation),
 * exports and deletes the account, and reads the audit log.
 */
class ConsoleIT {

  private static WebDriver driver;
  private static WebDriverWait wait;

  @BeforeAll
  static void browser() throws Exception {
    ChromeOptions options = new ChromeOptions();
    // The test server's certificate is self-signed; the console is served over HTTPS only.
    options.setAcceptInsecureCerts(true);
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
        "--window-size=1280,1000",
        "--user-data-dir=" + Files.createTempDirectory("junction-chromium"));
    Path downloads = Files.createDirectories(Path.of("target", "console-downloads"));
    try (var old = Files.list(downloads)) {
      for (Path p : old.toList()) {
        Files.delete(p);
      }
    }
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            downloads.toAbsolutePath().toString(),
            "download.prompt_for_download",
            false));
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

  private static WebElement visible(String id) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
  }

  private static void type(String id, String text) {
    WebElement e = visible(id);
    e.clear();
    e.sendKeys(text);
  }

  @Test
  void administratorConfiguresOdnoklassnikiAndSeesTheMaskedSecretAfterAReload() throws Exception {
    driver.get(Junction.HTTPS + "/console");

    // A wrong password is refused in the page, without the browser's own dialog.
    type("login-user", "admin");
    type("login-password", "wrong");
    visible("login-submit").click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "Wrong"));

    type("login-password", Junction.ADMIN_PASSWORD);
    visible("login-submit").click();
    visible("main-view");
    assertTrue(visible("server-info").getText().contains(Junction.HTTPS));

    String siteName = "Console shop " + UUID.randomUUID().toString().substring(0, 8);
    visible("new-site").click();
    type("site-name", siteName);
    type("site-domains", "shop.example.com\nexample.org");
    type("site-cname", "login.shop.example.com");
    visible("site-save").click();

    // The secret is shown once, with the API key.
    WebElement apiKeyEl = visible("notice-apikey");
    String apiKey = apiKeyEl.getText();
    String secret = visible("notice-secret").getText();
    assertTrue(apiKey.startsWith("3_"), apiKey);
    assertTrue(secret.length() >= 32, secret);
    visible("notice-close").click();
    wait.until(ExpectedConditions.textToBe(By.id("detail-apikey"), apiKey));

    // Odnoklassniki: application ID, public key and secret key.
    new Select(visible("pv-provider")).selectByValue("odnoklassniki");
    assertTrue(
        visible("pv-notes").getText().contains("Public key"), "the setup notes of the provider");
    type("pv-appId", "512000123");
    type("pv-publicKey", "CBAFJIICABABABABA");
    type("pv-secretKey", "0F1E2D3C4B5A69788796A5B4");
    WebElement cname = visible("pv-cname");
    if (!cname.isSelected()) {
      cname.click();
    }
    assertTrue(visible("pv-secure").isSelected(), "secure redirects only is the default");
    List<String> callbacks =
        driver.findElements(By.cssSelector("#pv-callbacks code")).stream()
            .map(WebElement::getText)
            .toList();
    assertEquals(
        List.of(
            Junction.HTTPS + "/GS/GSLogin.aspx", "https://login.shop.example.com/GS/GSLogin.aspx"),
        callbacks);
    visible("pv-secure").click();
    callbacks =
        driver.findElements(By.cssSelector("#pv-callbacks code")).stream()
            .map(WebElement::getText)
            .toList();
    assertEquals(
        List.of(
            Junction.HTTPS + "/GS/GSLogin.aspx",
            "http://login.shop.example.com/GS/GSLogin.aspx",
            "https://login.shop.example.com/GS/GSLogin.aspx"),
        callbacks);
    visible("pv-secure").click();
    visible("pv-save").click();
    wait.until(ExpectedConditions.textToBe(By.id("pv-status"), "Saved."));

    driver.navigate().refresh();
    wait.until(ExpectedConditions.textToBe(By.id("detail-apikey"), apiKey));
    WebElement row =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#provider-rows tr[data-provider='odnoklassniki']")));
    assertTrue(row.getText().contains("****A5B4"), row.getText());
    assertTrue(row.getText().contains("512000123"), row.getText());
    assertEquals(
        "odnoklassniki",
        new Select(visible("pv-provider")).getFirstSelectedOption().getAttribute("value"));
    assertTrue(visible("pv-secretKey").getAttribute("placeholder").startsWith("****A5B4"));
    assertEquals("", visible("pv-secretKey").getAttribute("value"));
    assertEquals("CBAFJIICABABABABA", visible("pv-publicKey").getAttribute("value"));
    assertTrue(visible("pv-cname").isSelected());
    assertFalse(driver.getPageSource().contains("0F1E2D3C4B5A69788796A5B4"));
    assertFalse(
        driver.getPageSource().contains(secret), "the site secret is gone after the reload");

    // Any OpenID Connect provider, by its issuer: the provider becomes oidc-<name>.
    new Select(visible("pv-provider")).selectByValue("oidc");
    type("pv-oidc-name", "acme");
    type("pv-issuer", "https://login.acme.example");
    type("pv-appId", "acme-client");
    type("pv-secretKey", "acme-secret-value-1234");
    visible("pv-save").click();
    WebElement oidcRow =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#provider-rows tr[data-provider='oidc-acme']")));
    assertTrue(oidcRow.getText().contains("acme-client"), oidcRow.getText());
    assertEquals("https://login.acme.example", visible("pv-issuer").getAttribute("value"));

    // An application key for the site's servers: its secret shown once, then only the userKey.
    type("app-name", "reporting");
    type("app-permissions", "socialize.getUserInfo, socialize.exchangeUIDSignature");
    visible("app-create").click();
    wait.until(ExpectedConditions.textToBe(By.id("notice-key-label"), "userKey"));
    String userKey = visible("notice-apikey").getText();
    String appSecret = visible("notice-secret").getText();
    assertTrue(userKey.startsWith("AK"), userKey);
    WebElement appRow =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#app-rows tr[data-user-key='" + userKey + "']")));
    assertTrue(
        appRow.getText().contains("socialize.getUserInfo, socialize.exchangeUIDSignature"),
        appRow.getText());
    visible("notice-close").click();
    driver.navigate().refresh();
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("#app-rows tr[data-user-key='" + userKey + "']")));
    assertFalse(
        driver.getPageSource().contains(appSecret), "an application secret is shown only once");

    // An RSA application key: its private key shown once, its public key afterwards.
    type("app-name", "jwt server");
    new Select(visible("app-key-type")).selectByValue("rsa");
    visible("app-create").click();
    wait.until(ExpectedConditions.textToBe(By.id("notice-secret-label"), "Private key"));
    String rsaUserKey = visible("notice-apikey").getText();
    String privateKey = visible("notice-secret").getText();
    assertTrue(privateKey.startsWith("MII"), "Base64 PKCS#8");
    WebElement rsaRow =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#app-rows tr[data-user-key='" + rsaUserKey + "']")));
    assertTrue(rsaRow.getText().contains("RSA key pair"), rsaRow.getText());
    visible("notice-close").click();
    driver.navigate().refresh();
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("#app-rows tr[data-user-key='" + rsaUserKey + "']")));
    assertFalse(driver.getPageSource().contains(privateKey), "a private key is shown only once");

    Path shot = Path.of("target", "console-odnoklassniki.png");
    Files.write(shot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void administratorConfiguresASamlIdentityProviderAndSeesWhatToRegisterAtIt() {
    String apiKey = SamlIT.site().apiKey();
    driver.get("about:blank");
    // The page opens on the provider its address names, once the site is loaded.
    driver.get(Junction.HTTPS + "/console#site=" + apiKey + "&provider=saml-corp");
    signIn();
    wait.until(ExpectedConditions.attributeToBe(By.id("pv-saml-name"), "value", "corp"));

    // A SAML identity provider: Gigya's ExternalIdP fields, and what to register at the IdP.
    assertEquals(
        "saml", new Select(visible("pv-provider")).getFirstSelectedOption().getAttribute("value"));
    assertEquals("Not configured yet.", visible("pv-status").getText());
    assertEquals(
        Junction.HTTPS + "/saml/v2.0/" + apiKey + "/sp/acs", visible("pv-saml-sp-acs").getText());
    assertEquals(
        Junction.HTTPS + "/saml/v2.0/" + apiKey + "/sp/metadata",
        visible("pv-saml-sp-entity").getText());
    assertFalse(driver.findElement(By.id("pv-appId")).isDisplayed(), "no application ID");
    type("pv-saml-entity", SamlIT.CORP.entityId);
    type("pv-saml-sso", SamlIT.CORP.entityId + "/sso");
    type("pv-saml-attributes", "email = Email\nRole = samlData.roles");
    type("pv-saml-certificate", SamlIT.CORP.certificatePem);
    visible("pv-save").click();
    WebElement samlRow =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#provider-rows tr[data-provider='saml-corp']")));
    assertTrue(samlRow.getText().contains(SamlIT.CORP.entityId), samlRow.getText());
    wait.until(ExpectedConditions.textToBe(By.id("pv-status"), "Saved."));
    assertEquals(
        "email = Email\nRole = samlData.roles",
        visible("pv-saml-attributes").getAttribute("value"));
    assertTrue(
        visible("pv-saml-certificate")
            .getAttribute("value")
            .startsWith("-----BEGIN CERTIFICATE-----"));
    HttpResponse<String> saml =
        Junction.admin("GET", "/admin/sites/" + apiKey + "/providers/saml-corp", null);
    assertEquals(200, saml.statusCode(), saml.body());
    assertEquals(
        "samlData.roles",
        Junction.json(saml).getJsonObject("saml").getJsonObject("attributeMap").getString("Role"));
  }

  /** A file the browser saved, once complete. */
  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Signs in unless this tab already holds the credentials. */
  private static void signIn() {
    wait.until(
        d ->
            d.findElement(By.id("login-view")).isDisplayed()
                || d.findElement(By.id("main-view")).isDisplayed());
    if (driver.findElement(By.id("login-view")).isDisplayed()) {
      type("login-user", "admin");
      type("login-password", Junction.ADMIN_PASSWORD);
      visible("login-submit").click();
    }
    visible("main-view");
  }

  private static void accept() {
    wait.until(ExpectedConditions.alertIsPresent()).accept();
  }

  private static WebElement identityRow(String providerUid) {
    return wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("#ident-rows tr[data-provider-uid='" + providerUid + "']")));
  }

  @Test
  void administratorFindsAUserUnlinksExportsAndDeletesTheAccountAndReadsTheAuditLog() {
    Sites.Site site = Sites.withOdnoklassniki();
    OkStandIn.User ann = OkStandIn.newUser("Console");
    OkStandIn.User second = OkStandIn.newUser("Console");
    Browser user = new Browser();
    String token =
        Sites.tokenForCode(
            site,
            Browser.answer(user.roundTrip(Browser.loginUrl(site.apiKey(), ""), ann)).get("code"));
    Browser.answer(user.roundTrip(Browser.connectUrl(token, ""), second));
    String uid = Sites.call("socialize.getUserInfo", token, "").getString("UID");

    // A new document (not only a new fragment of the page already open), which opens the site.
    driver.get("about:blank");
    driver.get(Junction.HTTPS + "/console#site=" + site.apiKey());
    signIn();
    wait.until(ExpectedConditions.textToBe(By.id("detail-apikey"), site.apiKey()));

    // Search by e-mail, open the account.
    type("acct-q", ann.email().toUpperCase());
    visible("acct-search").click();
    By row = By.cssSelector("#acct-rows tr[data-uid='" + uid + "']");
    // The site's newest accounts were listed first; the search's answer replaces that list (a
    // row of the list being replaced may be gone, or not clickable yet).
    wait.ignoring(StaleElementReferenceException.class)
        .ignoring(ElementNotInteractableException.class)
        .until(
            d -> {
              d.findElement(row).click();
              return d.findElement(By.id("account-view")).isDisplayed();
            });
    wait.until(ExpectedConditions.textToBe(By.id("acct-uid"), uid));
    assertEquals("odnoklassniki", visible("acct-login-provider").getText());
    assertEquals(2, driver.findElements(By.cssSelector("#ident-rows tr[data-provider]")).size());

    // Export: the JSON the browser saves holds the account and no token.
    visible("acct-export").click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("acct-status"), "Exported"));
    Path file = Path.of("target", "console-downloads", "account-" + uid + ".json");
    wait.until(d -> Files.isRegularFile(file));
    String exported = read(file);
    assertTrue(exported.contains("\"UID\": \"" + uid + "\""), exported);
    assertTrue(exported.contains(ann.email()), exported);
    assertFalse(exported.contains(token), "no Junction token in the export");

    // Unlink the second identity after one confirmation.
    identityRow(second.uid()).findElement(By.tagName("button")).click();
    accept();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("acct-status"), "Unlinked"));
    assertTrue(
        driver
            .findElements(
                By.cssSelector("#ident-rows tr[data-provider-uid='" + second.uid() + "']"))
            .isEmpty());

    // The last one asks again; declining keeps it, accepting unlinks it.
    identityRow(ann.uid()).findElement(By.tagName("button")).click();
    accept();
    wait.until(ExpectedConditions.alertIsPresent()).dismiss();
    identityRow(ann.uid());
    identityRow(ann.uid()).findElement(By.tagName("button")).click();
    accept();
    accept();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("ident-rows"), "No linked identity"));

    // Delete, confirmed: back on the site, the account is gone from the list.
    visible("acct-delete").click();
    accept();
    wait.until(ExpectedConditions.textToBe(By.id("detail-apikey"), site.apiKey()));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("account-view")));
    type("acct-q", uid);
    visible("acct-search").click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("acct-rows"), "No account"));

    // The site's audit log: newest first, the provider's secret key only as "rotated".
    visible("site-audit").click();
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("#audit-rows tr[data-action='site.create']")));
    List<String> actions =
        driver.findElements(By.cssSelector("#audit-rows tr[data-action]")).stream()
            .map(r -> r.getAttribute("data-action"))
            .toList();
    assertEquals(
        List.of(
            "account.delete",
            "account.identity.unlink",
            "account.identity.unlink",
            "provider.create",
            "site.create"),
        actions);
    String providerRow =
        visible("audit-rows")
            .findElement(By.cssSelector("tr[data-action='provider.create']"))
            .getText();
    assertTrue(providerRow.contains("secretKey: rotated"), providerRow);
    assertTrue(providerRow.contains("admin"), providerRow);
    assertFalse(driver.getPageSource().contains(OkStandIn.SECRET_KEY));
    Path shot = Path.of("target", "console-audit.png");
    try {
      Files.write(shot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
