package io.junction.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PageTextsTest {

  @Test
  void everyLanguageTranslatesWhatEnglishHasWithTheSamePlaceholders() {
    Map<String, String> en = PageTexts.table("en");
    assertFalse(en.isEmpty());
    for (String lang : Messages.LANGUAGES) {
      Map<String, String> table = PageTexts.table(lang);
      assertEquals(en.keySet(), table.keySet(), lang);
      for (String key : en.keySet()) {
        for (String placeholder : new String[] {"{provider}", "{account}", "{site}"}) {
          assertEquals(
              en.get(key).contains(placeholder),
              table.get(key).contains(placeholder),
              lang + " " + key + " " + placeholder);
        }
      }
    }
  }

  @Test
  void aMissingTextIsEnglishAndAnUnknownLanguageToo() {
    Map<String, String> en = Map.of("guest.skip", "Skip", "guest.continue", "Add them");
    Map<String, String> partial = Map.of("guest.skip", "Пропустить");
    assertEquals("Пропустить", PageTexts.text(partial, en, "guest.skip"));
    assertEquals("Add them", PageTexts.text(partial, en, "guest.continue"));
    assertEquals("Add them", PageTexts.text(null, en, "guest.continue"));
    assertThrows(IllegalArgumentException.class, () -> PageTexts.text(partial, en, "nothing"));
    assertEquals("Skip", PageTexts.text("xx", "guest.skip"));
    assertEquals("Пропустить", PageTexts.text("ru", "guest.skip"));
    assertTrue(PageTexts.text("zh-cn", "guest.skip").length() > 0);
  }
}
