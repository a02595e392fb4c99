package io.junction.web.rest.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.junction.api.ErrorCode;
import io.junction.web.envelope.GigyaException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Admin request bodies on which {@link AdminJsonFuzzTest} found a server error. */
class AdminJsonRegressionTest {

  @Test
  void aNumberWithAnExponentBeyondAnIntIsNotJsonTheServiceReads() {
    for (String body :
        new String[] {"1e9999999992]", "{\"name\":1e9999999992}", "[1E-9999999999]"}) {
      GigyaException e =
          assertThrows(
              GigyaException.class,
              () -> AdminJson.parse(body.getBytes(StandardCharsets.UTF_8), Set.of("name")),
              body);
      assertEquals(ErrorCode.INVALID_PARAMETER_FORMAT, e.code(), body);
    }
  }
}
