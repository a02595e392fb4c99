package io.junction.web.db;

import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * EclipseLink's session, as Junction needs it (named in persistence.xml). By default a read outside
 * a transaction that meets a lost connection is retried twice, 5 s apart, so that during a database
 * outage a request would wait 10 s before failing. Junction retries nothing: the pool (see {@code
 * db/postgres.xml}) drops broken connections, and the request fails at once with 500028; the caller
 * may try again.
 */
public class EclipseLinkSession implements SessionCustomizer {

  @Override
  public void customize(Session session) {
    session.getLogin().setQueryRetryAttemptCount(0);
  }
}
