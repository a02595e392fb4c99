package io.junction.web.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One change an administrator made: who, when, from which address, what action on which site and
 * target, and the changed fields as a JSON object (no secret: a new secret appears as {@code
 * "rotated"}). Never updated or deleted by Junction.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

  @Id
  @Column(name = "id", length = 40)
  private String id;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(name = "actor", nullable = false, length = 200)
  private String actor;

  @Column(name = "address", nullable = false, length = 64)
  private String address;

  @Column(name = "action", nullable = false, length = 64)
  private String action;

  @Column(name = "api_key", length = 100)
  private String apiKey;

  @Column(name = "target", length = 600)
  private String target;

  @Column(name = "changes", nullable = false, length = 8000)
  private String changes;

  protected AuditEvent() {}

  AuditEvent(
      String id,
      Instant at,
      String actor,
      String address,
      String action,
      String apiKey,
      String target,
      String changes) {
    this.id = id;
    this.occurredAt = at;
    this.actor = actor;
    this.address = address;
    this.action = action;
    this.apiKey = apiKey;
    this.target = target;
    this.changes = changes;
  }

  public String id() {
    return id;
  }

  public Instant at() {
    return occurredAt;
  }

  /** The administrator's user name. */
  public String actor() {
    return actor;
  }

  public String address() {
    return address;
  }

  /** What was done, as {@code site.update} or {@code account.identity.unlink}. */
  public String action() {
    return action;
  }

  /** The site the change is about, or null. */
  public String apiKey() {
    return apiKey;
  }

  /** What within the site: a provider, an application key's userKey, an account's UID. */
  public String target() {
    return target;
  }

  /** The changed fields and their non-secret values, a JSON object. */
  public String changes() {
    return changes;
  }
}
