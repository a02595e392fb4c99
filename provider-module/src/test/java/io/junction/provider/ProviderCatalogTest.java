package io.junction.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderException;
import io.junction.api.ProviderInfo;
import io.junction.api.SocialConnector;
import io.junction.provider.instagram.InstagramConnector;
import io.junction.provider.microsoft.MicrosoftConnector;
import io.junction.provider.oidc.GenericOidcConnector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProviderCatalogTest {

  private static final List<String> GIGYA_ORDER =
      List.of(
          "facebook",
          "twitter",
          "yahoo",
          "microsoft",
          "linkedin",
          "googleplus",
          "instagram",
          "renren",
          "vkontakte",
          "mixi",
          "odnoklassniki",
          "yahoojapan",
          "wechat",
          "line",
          "qq",
          "sina");

  private final ProviderCatalog catalog = ProviderCatalog.of(Connectors.all());

  @Test
  void listsEveryGigyaProviderInGigyasOrderWhateverOrderCdiFindsThem() {
    assertEquals(GIGYA_ORDER, catalog.all().stream().map(ProviderInfo::id).toList());
    List<SocialConnector> shuffled = new ArrayList<>(Connectors.all());
    Collections.shuffle(shuffled, new Random(7));
    assertEquals(
        GIGYA_ORDER, ProviderCatalog.of(shuffled).all().stream().map(ProviderInfo::id).toList());
    assertEquals(
        String.join(", ", GIGYA_ORDER)
            + ", oidc-<name> for any OpenID Connect provider"
            + ", and saml-<name> for any SAML 2.0 identity provider",
        catalog.supportedNames());
  }

  @Test
  void theDescriptionIsTheConnectorsOwn() {
    for (ProviderInfo info : catalog.all()) {
      assertSame(catalog.connector(info.id()).orElseThrow().info(), info, info.id());
      assertSame(info, catalog.resolve(info.id()).orElseThrow(), info.id());
    }
  }

  @Test
  void messengerIsMicrosoft() {
    assertEquals("microsoft", catalog.resolve("messenger").orElseThrow().id());
    assertEquals("microsoft", catalog.resolve("Messenger").orElseThrow().id());
    assertEquals("microsoft", catalog.resolve(" MICROSOFT ").orElseThrow().id());
  }

  @Test
  void unknownNamesAreNotResolved() {
    assertTrue(catalog.resolve("myspace").isEmpty());
    assertTrue(catalog.resolve(null).isEmpty());
    assertTrue(catalog.resolve("").isEmpty());
    assertTrue(catalog.resolve("oidc").isEmpty(), "the OpenID Connect connector needs a name");
    assertTrue(catalog.resolve("oidc-").isEmpty());
    assertTrue(catalog.connector("myspace").isEmpty());
    assertTrue(catalog.connector(null).isEmpty());
  }

  @Test
  void odnoklassnikiUsesAPublicKeyAndItsPermissions() {
    ProviderInfo ok = catalog.resolve("odnoklassniki").orElseThrow();
    assertTrue(ok.usesPublicKey());
    assertEquals(
        List.of("VALUABLE_ACCESS", "SET_STATUS", "PHOTO_CONTENT"), ok.defaultPermissions());
    assertFalse(catalog.resolve("facebook").orElseThrow().usesPublicKey());
  }

  @Test
  void instagramAsksForTheInstagramLoginScope() {
    assertEquals(
        List.of("instagram_business_basic"),
        catalog.resolve("instagram").orElseThrow().defaultPermissions());
  }

  @Test
  void aSitesOwnOpenIdConnectProviderIsTheGenericConnectorUnderItsName() {
    ProviderInfo acme = catalog.resolve("OIDC-Acme").orElseThrow();
    assertEquals("oidc-acme", acme.id());
    assertEquals("OpenID Connect (acme)", acme.displayName());
    assertEquals(List.of("openid", "profile", "email"), acme.defaultPermissions());
    assertTrue(catalog.connector("oidc-acme").orElseThrow() instanceof GenericOidcConnector);
    assertTrue(ProviderCatalog.isCustomOidc("oidc-acme"));
    assertFalse(ProviderCatalog.isCustomOidc("oidc-Acme"), "canonical names are lower case");
    assertFalse(ProviderCatalog.isCustomOidc("facebook"));
  }

  @Test
  void aSitesSamlIdentityProviderIsResolvedByItsNameAndHasNoConnector() {
    ProviderInfo corp = catalog.resolve(" SAML-Corp ").orElseThrow();
    assertEquals("saml-corp", corp.id());
    assertEquals("SAML (corp)", corp.displayName());
    assertTrue(corp.defaultPermissions().isEmpty());
    assertTrue(catalog.setupNotes("saml-corp").contains("/sp/metadata"));
    assertTrue(ProviderCatalog.isSaml("saml-corp"));
    assertTrue(ProviderCatalog.isSaml("saml-azure.ad_2"));
    assertFalse(ProviderCatalog.isSaml("saml-"));
    assertFalse(ProviderCatalog.isSaml("saml-Corp"), "canonical names are lower case");
    assertFalse(ProviderCatalog.isSaml("saml-a/b"));
    assertFalse(ProviderCatalog.isCustomOidc("saml-corp"));
    assertTrue(catalog.resolve("saml-").isEmpty());
    assertTrue(catalog.connector("saml-corp").isEmpty());
    ProviderException e = assertThrows(ProviderException.class, () -> catalog.require("saml-corp"));
    assertEquals(ErrorCode.NOT_SUPPORTED, e.code());
  }

  @Test
  void setupNotesAreTheProvidersOwnWithTheRegistrysAliases() {
    for (ProviderInfo info : catalog.all()) {
      assertTrue(catalog.setupNotes(info.id()).startsWith(info.setupNotes()), info.id());
    }
    String microsoft = catalog.setupNotes("microsoft");
    assertTrue(microsoft.endsWith(" 'messenger' is accepted as its old name."), microsoft);
    assertEquals(microsoft, catalog.setupNotes("messenger"));
    assertEquals(
        catalog.resolve("facebook").orElseThrow().setupNotes(), catalog.setupNotes("facebook"));
    assertTrue(catalog.setupNotes("oidc-any").contains("issuer"), catalog.setupNotes("oidc-any"));
    assertTrue(catalog.setupNotes("odnoklassniki").contains("Public key"));
    assertEquals("", catalog.setupNotes("myspace"));
    assertEquals("", catalog.setupNotes(null));
  }

  @Test
  void requireGivesTheConnectorOrRefusesWithNotSupported() {
    assertTrue(catalog.require("microsoft") instanceof MicrosoftConnector);
    assertTrue(catalog.require("oidc-acme") instanceof GenericOidcConnector);

    ProviderCatalog instagramOnly = ProviderCatalog.of(List.of(new InstagramConnector()));
    assertEquals("instagram", instagramOnly.require("instagram").info().id());
    ProviderException e =
        assertThrows(ProviderException.class, () -> instagramOnly.require("facebook"));
    assertEquals(ErrorCode.NOT_SUPPORTED, e.code());
    assertEquals("facebook", e.provider());
    assertEquals("facebook is not supported by this server", e.getMessage());
    ProviderException oidc =
        assertThrows(ProviderException.class, () -> instagramOnly.require("oidc-acme"));
    assertEquals(ErrorCode.NOT_SUPPORTED, oidc.code());
    assertEquals("oidc-acme is not supported by this server", oidc.getMessage());
  }

  @Test
  void aRegistryKnowsOnlyItsConnectors() {
    ProviderCatalog instagramOnly = ProviderCatalog.of(List.of(new InstagramConnector()));
    assertEquals(List.of("instagram"), instagramOnly.all().stream().map(ProviderInfo::id).toList());
    assertEquals(
        "instagram, and saml-<name> for any SAML 2.0 identity provider",
        instagramOnly.supportedNames());
    assertTrue(instagramOnly.resolve("facebook").isEmpty());
    assertTrue(instagramOnly.resolve("oidc-acme").isEmpty());
    assertEquals("", instagramOnly.setupNotes("oidc-acme"));
  }

  @Test
  void twoConnectorsForOneProviderAreRefused() {
    assertThrows(
        IllegalStateException.class,
        () -> ProviderCatalog.of(List.of(new InstagramConnector(), new InstagramConnector())));
  }
}
