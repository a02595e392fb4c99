/**
 * The database: versioned Flyway migrations applied at start, the server's own stored state ({@link
 * io.junction.web.db.ServerState}), the unique-constraint check with its one retry ({@link
 * io.junction.web.db.Constraints}) and the per-node timer of periodic purges ({@link
 * io.junction.web.db.OncePerInterval}).
 */
package io.junction.web.db;
