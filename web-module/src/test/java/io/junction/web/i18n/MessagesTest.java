package io.junction.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.junction.api.ErrorCode;
import org.junit.jupiter.api.Test;

class MessagesTest {

  @Test
  void requestedLanguagesAreMatched() {
    assertEquals("ru", Messages.language("ru"));
    assertEquals("ru", Messages.language("RU-ru"));
    assertEquals("de", Messages.language("de_AT"));
    assertEquals("zh-cn", Messages.language("zh-CN"));
    assertEquals("zh-cn", Messages.language("zh"));
    assertEquals("en", Messages.language("zh-tw"));
    assertEquals("en", Messages.language("xx"));
    assertEquals("en", Messages.language(null));
  }

  @Test
  void everyLanguageTranslatesTheFlowErrors() {
    ErrorCode[] flow = {
      ErrorCode.OPERATION_CANCELED,
      ErrorCode.INVALID_PARAMETER_VALUE,
      ErrorCode.MISSING_REQUIRED_PARAMETER,
      ErrorCode.INVALID_REDIRECT_URI,
      ErrorCode.IDENTITY_EXISTS,
      ErrorCode.INVALID_TOKEN,
      ErrorCode.PROVIDER_ERROR,
      ErrorCode.INVALID_DATA_CENTER,
      ErrorCode.NO_PROVIDER_APPLICATION,
      ErrorCode.TIMEOUT
    };
    for (String lang : Messages.LANGUAGES) {
      for (ErrorCode code : flow) {
        String m = Messages.message(code, lang);
        if (lang.equals("en")) {
          assertEquals(code.message(), m);
        } else {
          assertNotEquals(code.message(), m, lang + " " + code);
        }
      }
    }
    assertEquals("Операция отменена", Messages.message(ErrorCode.OPERATION_CANCELED, "ru"));
    assertEquals(
        ErrorCode.CAPTCHA_VERIFICATION_FAILED.message(),
        Messages.message(ErrorCode.CAPTCHA_VERIFICATION_FAILED, "ja"));
  }
}
