package io.junction.web.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.junction.api.ErrorCode;
import io.junction.web.envelope.GigyaException;
import org.junit.jupiter.api.function.Executable;

/** Assertions on Gigya refusals. */
public final class GigyaAssertions {

  private GigyaAssertions() {}

  /** Asserts that {@code work} is refused with {@code code}; returns the refusal. */
  public static GigyaException assertRefused(ErrorCode code, Executable work) {
    GigyaException e = assertThrows(GigyaException.class, work);
    assertEquals(code, e.code(), () -> "refused with " + e.getMessage());
    return e;
  }
}
