package io.junction.web.social;

import io.junction.api.ErrorCode;
import io.junction.web.envelope.GigyaException;
import java.util.List;
import java.util.Map;

/**
 * No provider of a fan-out succeeded: the error of the first that failed, with each provider's
 * failure in {@code providerErrorCodes}.
 */
public class ProviderFailures extends GigyaException {

  private static final long serialVersionUID = 1L;

  private final transient List<Map<String, Object>> failures;

  public ProviderFailures(ErrorCode code, String details, List<Map<String, Object>> failures) {
    super(code, details);
    this.failures = List.copyOf(failures);
  }

  @Override
  public Map<String, ?> data() {
    return failures.isEmpty() ? Map.of() : Map.of("providerErrorCodes", failures);
  }
}
