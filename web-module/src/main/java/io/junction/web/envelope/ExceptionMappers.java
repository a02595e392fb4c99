package io.junction.web.envelope;

import io.junction.api.ErrorCode;
import io.junction.web.db.Contention;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every failure of every endpoint ends here, as a Gigya envelope: never a stack trace. */
public final class ExceptionMappers {

  private static final Logger LOG = Logger.getLogger(ExceptionMappers.class.getName());

  private ExceptionMappers() {}

  /** Refusals the application raised on purpose. */
  @Provider
  public static class Gigya implements ExceptionMapper<GigyaException> {
    @Inject ApiCall call;

    @Override
    public Response toResponse(GigyaException e) {
      if (e.code().statusCode() >= 500) {
        LOG.log(Level.WARNING, "{0} failed: {1}", new Object[] {call, e.getMessage()});
      } else {
        LOG.log(Level.FINE, "{0} refused: {1}", new Object[] {call, e.getMessage()});
      }
      return Envelope.error(call, e);
    }
  }

  /** What JAX-RS itself refuses: unknown paths, wrong HTTP methods, unreadable bodies. */
  @Provider
  public static class Web implements ExceptionMapper<WebApplicationException> {
    @Inject ApiCall call;

    @Override
    public Response toResponse(WebApplicationException e) {
      int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
      GigyaException mapped;
      if (e instanceof NotFoundException) {
        mapped = new GigyaException(ErrorCode.NOT_FOUND, "No such resource", 404);
      } else if (e instanceof NotAllowedException) {
        mapped =
            new GigyaException(
                ErrorCode.INVALID_REQUEST_FORMAT, "This HTTP method is not allowed here", 405);
      } else if (e instanceof NotSupportedException) {
        mapped =
            new GigyaException(
                ErrorCode.INVALID_REQUEST_FORMAT, "This content type is not supported here", 415);
      } else if (e instanceof NotAcceptableException) {
        mapped =
            new GigyaException(
                ErrorCode.INVALID_REQUEST_FORMAT, "No acceptable representation", 406);
      } else if (status < 500) {
        mapped = new GigyaException(ErrorCode.INVALID_REQUEST_FORMAT, "Bad request", status);
      } else {
        LOG.log(Level.SEVERE, call + " failed", e);
        mapped = new GigyaException(ErrorCode.GENERAL_SERVER_ERROR, null, 500);
      }
      return Envelope.error(call, mapped);
    }
  }

  /**
   * Anything unexpected: logged with its callId, answered 500001 without details. A database that
   * cannot be reached (or refuses, or times out) is 500028 (HTTP 503), logged as one line naming
   * the SQL state: during an outage every request fails alike, and a stack trace each says nothing
   * more.
   */
  @Provider
  public static class Unexpected implements ExceptionMapper<Throwable> {
    @Inject ApiCall call;

    @Override
    public Response toResponse(Throwable e) {
      GigyaException found = causeOfType(e);
      if (found != null) {
        return Envelope.error(call, found);
      }
      if (Contention.isLostRace(e)) {
        // Another request changed the same rows, and no retry covered this one: 409030.
        LOG.log(Level.WARNING, "{0} lost a database race: {1}", new Object[] {call, e.getClass()});
        return Envelope.error(call, Contention.exhausted());
      }
      SQLException database = databaseFailure(e);
      if (database != null) {
        LOG.warning(
            call
                + " failed: the database is unavailable ("
                + database.getClass().getSimpleName()
                + ", SQL state "
                + database.getSQLState()
                + ")");
        return Envelope.error(
            call,
            new GigyaException(
                ErrorCode.DATABASE_ERROR,
                "The database is unavailable; try again later. callId " + call.callId(),
                503));
      }
      LOG.log(Level.SEVERE, call + " failed unexpectedly", e);
      return Envelope.error(
          call,
          new GigyaException(
              ErrorCode.GENERAL_SERVER_ERROR, "Internal error; callId " + call.callId(), 500));
    }

    /**
     * The SQL exception behind {@code e} when it says the database cannot be used now: a lost or
     * refused connection (SQL state class 08), a timeout, a pool that waited in vain for a
     * connection, a server shutting down. Null for anything else: a constraint violation, a
     * deadlock.
     */
    static SQLException databaseFailure(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof SQLException s) {
          String state = s.getSQLState() == null ? "" : s.getSQLState();
          if (s instanceof SQLTransientConnectionException
              || s instanceof SQLTimeoutException
              || s instanceof SQLNonTransientConnectionException
              || s instanceof SQLRecoverableException
              || state.startsWith("08")
              || state.equals("57P01")
              || state.equals("57P02")
              || state.equals("57P03")) {
            return s;
          }
        }
        if (t.getCause() == t) {
          break;
        }
      }
      return null;
    }

    private static GigyaException causeOfType(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof GigyaException g) {
          return g;
        }
      }
      return null;
    }
  }
}
