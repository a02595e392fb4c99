package io.junction.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.ProviderInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderCatalogTest {

  private final ProviderCatalog catalog = new ProviderCatalog();

  @Test
  void listsEveryProviderOfSeed003() {
    List<String> ids = catalog.all().stream().map(ProviderInfo::id).toList();
    assertEquals(
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
            "sina"),
        ids);
  }

  @Test
  void messengerIsMicrosoft() {
    assertEquals("microsoft", catalog.resolve("messenger").orElseThrow().id());
    assertEquals("microsoft", catalog.resolve("Messenger").orElseThrow().id());
  }

  @Test
  void unknownNamesAreNotResolved() {
    assertTrue(catalog.resolve("myspace").isEmpty());
    assertTrue(catalog.resolve(null).isEmpty());
    assertTrue(catalog.resolve("").isEmpty());
  }

  @Test
  void odnoklassnikiUsesAPublicKeyAndSeedPermissions() {
    ProviderInfo ok = catalog.resolve("odnoklassniki").orElseThrow();
    assertTrue(ok.usesPublicKey());
    assertEquals(
        List.of("VALUABLE_ACCESS", "SET_STATUS", "PHOTO_CONTENT"), ok.defaultPermissions());
  }
}
