-- What a browser is asked before Junction goes on: a login parked until the user decides whether
-- the browser's guest connections join the account (guest_account_id), or a connection started
-- from a browser other than the one that obtained the token, parked until the user confirms it
-- (location_enc: the provider's authorization URL, encrypted). Keyed by the digest of the page's
-- single-use value, bound to the browser by the digest of its browser cookie; used at most once
-- (used), expiring with the flow.
CREATE TABLE browser_confirmation (
  confirmation_hash VARCHAR(64)   NOT NULL,
  kind              VARCHAR(16)   NOT NULL,
  api_key           VARCHAR(100)  NOT NULL,
  browser_hash      VARCHAR(64)   NOT NULL,
  account_id        VARCHAR(40)   NOT NULL,
  guest_account_id  VARCHAR(40),
  provider          VARCHAR(64)   NOT NULL,
  redirect_uri      VARCHAR(2048) NOT NULL,
  response_type     VARCHAR(8)    NOT NULL,
  client_state      VARCHAR(1024),
  lang              VARCHAR(16),
  session_seconds   BIGINT,
  location_enc      VARCHAR(8000),
  used              BOOLEAN       NOT NULL,
  expires_at        TIMESTAMP     NOT NULL,
  CONSTRAINT pk_browser_confirmation PRIMARY KEY (confirmation_hash),
  CONSTRAINT fk_browser_confirmation_site FOREIGN KEY (api_key) REFERENCES site (api_key) ON DELETE CASCADE,
  CONSTRAINT fk_browser_confirmation_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
CREATE INDEX ix_browser_confirmation_expiry ON browser_confirmation (expires_at);

-- The browser that obtained a user's token: the digest of the browser cookie of the login that
-- issued the code (carried to the token at getToken) or the token (response_type=token); null for
-- tokens minted server-side.
ALTER TABLE authorization_code ADD COLUMN browser_hash VARCHAR(64);
ALTER TABLE oauth_token ADD COLUMN browser_hash VARCHAR(64);
