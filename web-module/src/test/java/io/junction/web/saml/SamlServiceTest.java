package io.junction.web.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderInfo;
import io.junction.web.envelope.GigyaException;
import io.junction.web.site.SiteService;
import io.junction.web.testing.Beans;
import io.junction.web.testing.TestServices;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A site's SAML identity providers and service-provider key pair, on a real database. */
class SamlServiceTest {

  static TestServices services;
  static final ProviderInfo CORP =
      new ProviderInfo("saml-corp", "SAML (corp)", false, List.of(), "notes");
  static final String CERT =
      SamlCertificates.base64(SamlCertificates.generate("IdP").certificate());

  @BeforeAll
  static void start() {
    services = TestServices.start();
  }

  @AfterAll
  static void stop() {
    services.close();
  }

  static SamlIdpSettings settings(String entityId) {
    return new SamlIdpSettings(
        entityId,
        "https://idp.example/sso",
        SamlIdpSettings.REDIRECT,
        null,
        SamlIdpSettings.REDIRECT,
        SamlIdpSettings.UNSPECIFIED,
        Map.of("mail", "Email"),
        List.of(CERT),
        false);
  }

  SamlService.PutIdp put(String apiKey, SamlIdpSettings s) {
    SamlService saml = services.get(SamlService.class);
    return services
        .db()
        .transactional(SamlService.class, "putIdp", () -> saml.putIdp(apiKey, CORP, s, true));
  }

  @Test
  void anIdentityProviderIsStoredBesideItsProviderConfigurationAndReplaced() {
    String apiKey = services.newSite().site().apiKey();
    SamlService.PutIdp first = put(apiKey, settings("https://idp.example/a"));
    assertTrue(first.created());
    assertEquals("https://idp.example/a", first.config().appId());
    assertTrue(first.config().enabled());
    SamlService.PutIdp second = put(apiKey, settings("https://idp.example/b"));
    assertFalse(second.created());
    SamlIdpSettings read = services.get(SamlService.class).idp(apiKey, "saml-corp").settings();
    assertEquals("https://idp.example/b", read.entityId());
    assertEquals(Map.of("mail", "Email"), read.attributeMap());
    assertEquals(List.of(CERT), read.certificates());
    assertEquals(1, services.db().count("SELECT COUNT(*) FROM saml_idp WHERE api_key = ?", apiKey));
  }

  @Test
  void removingTheProviderRemovesItsIdentityProvider() {
    String apiKey = services.newSite().site().apiKey();
    put(apiKey, settings("https://idp.example/a"));
    SiteService sites = services.get(SiteService.class);
    services
        .db()
        .transactional(
            SiteService.class,
            "deleteProvider",
            () -> {
              sites.deleteProvider(apiKey, "saml-corp");
              return null;
            });
    assertEquals(0, services.db().count("SELECT COUNT(*) FROM saml_idp WHERE api_key = ?", apiKey));
    GigyaException e =
        assertThrows(
            GigyaException.class, () -> services.get(SamlService.class).idp(apiKey, "saml-corp"));
    assertEquals(ErrorCode.NOT_FOUND, e.code());
  }

  @Test
  void aSiteHasOneKeyPairMadeOnFirstUseItsPrivateKeyEncrypted() {
    String apiKey = services.newSite().site().apiKey();
    String other = services.newSite().site().apiKey();
    SamlSpKeys keys = new SamlSpKeys();
    keys.saml = transactionalSaml();
    SamlService.SpKey first = keys.of(apiKey);
    SamlService.SpKey again = keys.of(apiKey);
    assertEquals(first.certificate(), again.certificate());
    assertEquals(first.privateKey(), again.privateKey());
    assertNotEquals(first.certificate(), keys.of(other).certificate());
    assertEquals(
        1, services.db().count("SELECT COUNT(*) FROM saml_sp_key WHERE api_key = ?", apiKey));
    String stored =
        services
            .db()
            .inTransaction(
                () ->
                    services
                        .db()
                        .entityManager()
                        .find(SamlSpKey.class, apiKey)
                        .privateKeyEncrypted());
    String clear = java.util.Base64.getEncoder().encodeToString(first.privateKey().getEncoded());
    assertFalse(stored.contains(clear.substring(40, 80)), "the private key is stored encrypted");
  }

  @Test
  void theServiceProvidersUrlsAreUnderThePublicUrl() {
    SamlService.SpUrls urls = services.get(SamlService.class).spUrls("3_abc");
    assertTrue(urls.metadata().endsWith("/saml/v2.0/3_abc/sp/metadata"), urls.metadata());
    assertEquals(urls.metadata(), urls.entityId());
    assertTrue(urls.acs().endsWith("/saml/v2.0/3_abc/sp/acs"));
    assertTrue(urls.slo().endsWith("/saml/v2.0/3_abc/sp/slo"));
  }

  @Test
  void theClockSkewIsASettingOfNinetySecondsByDefault() {
    assertEquals(Duration.ofSeconds(90), services.get(SamlService.class).clockSkew());
    assertEquals(SamlResponseValidator.DEFAULT_SKEW, new SamlService().clockSkew());
    SamlService configured =
        new Beans()
            .config(SamlService.CLOCK_SKEW, "2")
            .config("junction.secret-key", io.junction.web.security.Randoms.base64(32))
            .bind(
                io.junction.web.site.SiteRepository.class,
                io.junction.web.site.JpaSiteRepository.class)
            .add(services.db().entityManager())
            .add(services.db().dataSource())
            .get(SamlService.class);
    assertEquals(Duration.ofSeconds(2), configured.clockSkew());
    SamlService negative = new SamlService();
    negative.clockSkewSeconds = -1;
    IllegalStateException e = assertThrows(IllegalStateException.class, negative::checkClockSkew);
    assertTrue(e.getMessage().contains(SamlService.CLOCK_SKEW), e.getMessage());
  }

  /** The service, its writes each in the transaction its annotation asks for. */
  private SamlService transactionalSaml() {
    SamlService real = services.get(SamlService.class);
    return new SamlService() {
      {
        sites = real.sites;
        secrets = real.secrets;
        config = real.config;
        em = real.em;
      }

      @Override
      public void addSpKey(String apiKey, SamlCertificates.SpKeyPair pair) {
        services
            .db()
            .transactional(
                SamlService.class,
                "addSpKey",
                () -> {
                  real.addSpKey(apiKey, pair);
                  return null;
                });
      }
    };
  }
}
