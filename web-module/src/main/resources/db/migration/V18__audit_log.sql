-- The audit log: one row per change an administrator made (sites, their secrets, provider
-- applications, application keys, accounts), written in the transaction of the change itself.
-- No foreign key: the record of a site outlives the site. `changes` is a JSON object of field
-- names and non-secret values (a secret appears only as "rotated").

CREATE TABLE audit_event (
  id          VARCHAR(40)   NOT NULL,
  occurred_at TIMESTAMP     NOT NULL,
  actor       VARCHAR(200)  NOT NULL,
  address     VARCHAR(64)   NOT NULL,
  action      VARCHAR(64)   NOT NULL,
  api_key     VARCHAR(100),
  target      VARCHAR(600),
  changes     VARCHAR(8000) NOT NULL,
  CONSTRAINT pk_audit_event PRIMARY KEY (id)
);
CREATE INDEX ix_audit_event_at ON audit_event (occurred_at, id);
CREATE INDEX ix_audit_event_site ON audit_event (api_key, occurred_at, id);
