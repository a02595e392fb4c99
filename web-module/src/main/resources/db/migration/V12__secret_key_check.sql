-- The check value of the key that encrypts secrets at rest (junction.secret-key): the first node
-- to start writes it, every node compares it at start, and a node holding another key refuses to
-- start instead of failing to decrypt. Written for Apache Derby and PostgreSQL alike.

CREATE TABLE secret_key_check (
  purpose     VARCHAR(64)  NOT NULL,
  check_value VARCHAR(200) NOT NULL,
  created_at  TIMESTAMP    NOT NULL,
  CONSTRAINT pk_secret_key_check PRIMARY KEY (purpose)
);
