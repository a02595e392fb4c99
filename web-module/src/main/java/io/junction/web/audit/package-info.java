/**
 * The audit log: every change an administrator makes through the admin API or console ({@link
 * io.junction.web.audit.AdminChanges}) is recorded with who made it, when, from which address, and
 * what changed ({@link io.junction.web.audit.Changes}, never a secret), in the same transaction as
 * the change ({@link io.junction.web.audit.AuditLog}).
 */
package io.junction.web.audit;
