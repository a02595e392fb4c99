package io.junction.web.rest.admin;

import io.junction.web.audit.AuditEvent;
import io.junction.web.audit.AuditLog;
import io.junction.web.db.PageCursor;
import io.junction.web.envelope.GigyaException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log of administrators' changes, newest first. */
@Path("admin/audit")
@AdminOnly
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who changed what, when and from where")
public class AuditResource {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  @Inject AuditLog audit;

  /** One change as the log shows it; {@code changes} holds no secret. */
  public record EventView(
      String id,
      String at,
      String actor,
      String address,
      String action,
      String apiKey,
      String target,
      JsonObject changes) {}

  public record EventList(List<EventView> events, String next) {}

  @GET
  @Operation(
      summary =
          "Administrators' changes, newest first: of one site (apiKey), from a time on (since,"
              + " ISO 8601); next is the cursor of the following page")
  public EventList list(
      @QueryParam("apiKey") String apiKey,
      @QueryParam("since") String since,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    int size = PageCursor.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
    PageCursor after = PageCursor.decode(cursor, "cursor");
    Instant from = null;
    if (since != null && !since.isEmpty()) {
      try {
        from = Instant.parse(since);
      } catch (DateTimeParseException e) {
        throw GigyaException.invalid("since", "an ISO 8601 UTC time, as 2026-01-31T12:00:00Z");
      }
    }
    if (apiKey != null && (apiKey.isEmpty() || apiKey.length() > 100)) {
      throw GigyaException.invalid("apiKey", "not an API key");
    }
    AuditLog.Page page = audit.events(apiKey, from, size, after);
    return new EventList(page.events().stream().map(AuditResource::view).toList(), page.next());
  }

  private static EventView view(AuditEvent e) {
    JsonObject changes;
    try (JsonReader r = Json.createReader(new StringReader(e.changes()))) {
      changes = r.readObject();
    }
    return new EventView(
        e.id(),
        e.at().toString(),
        e.actor(),
        e.address(),
        e.action(),
        e.apiKey(),
        e.target(),
        changes);
  }
}
