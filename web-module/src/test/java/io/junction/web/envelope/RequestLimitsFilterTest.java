package io.junction.web.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.junction.api.ErrorCode;
import io.junction.web.testing.FakeHttpRequest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestLimitsFilterTest {

  private static int refusal(String uri, Map<String, String> headers) {
    return RequestLimitsFilter.refusal(FakeHttpRequest.of("localhost", 9443, uri, headers));
  }

  @Test
  void urlsAndHeadersWithinTheLimitsPass() {
    assertEquals(0, refusal("/socialize.login", Map.of("Cookie", "a".repeat(30_000))));
    assertEquals(0, refusal("/" + "a".repeat(RequestLimitsFilter.MAX_URL - 1), Map.of()));
  }

  @Test
  void aLongUrlIs414() {
    assertEquals(414, refusal("/" + "a".repeat(RequestLimitsFilter.MAX_URL), Map.of()));
  }

  @Test
  void aBigHeaderOrTooManyBytesOfHeadersAre431() {
    assertEquals(431, refusal("/x", Map.of("X-Big", "a".repeat(100_000))));
    assertEquals(431, refusal("/x", Map.of("X-" + "n".repeat(40_000), "v")));
    Map<String, String> many = new HashMap<>();
    for (int i = 0; i < 3; i++) {
      many.put("X-Part-" + i, "a".repeat(30_000));
    }
    assertEquals(431, refusal("/x", many));
  }

  @Test
  void theErrorPageAnswersBothInTheEnvelope() {
    GigyaException url = ErrorPageServlet.map(414);
    assertEquals(ErrorCode.INVALID_REQUEST_FORMAT, url.code());
    assertEquals(414, url.httpStatus());
    GigyaException headers = ErrorPageServlet.map(431);
    assertEquals(ErrorCode.INVALID_REQUEST_FORMAT, headers.code());
    assertEquals(400, headers.httpStatus());
    assertEquals("The request's headers are too large", headers.details());
  }
}
