package io.junction.web.envelope;

import io.junction.api.ProviderException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A provider's failure that reaches a server method's answer: the Gigya error it carries, in the
 * envelope. Browser flows catch theirs first and send them to redirect_uri instead.
 */
@Provider
public class ProviderExceptionMapper implements ExceptionMapper<ProviderException> {

  private static final Logger LOG = Logger.getLogger(ProviderExceptionMapper.class.getName());

  @Inject ApiCall call;

  @Override
  public Response toResponse(ProviderException e) {
    LOG.log(
        Level.WARNING, "{0} {1} failed: {2}", new Object[] {call, e.provider(), e.getMessage()});
    return Envelope.error(call, of(e));
  }

  /** The Gigya error of a provider's failure. */
  public static GigyaException of(ProviderException e) {
    return new GigyaException(e.code(), e.getMessage());
  }
}
