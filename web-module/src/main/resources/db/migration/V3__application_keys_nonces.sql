-- Application keys (userKey + secret, with their own permissions), the nonces of signed calls
-- (refused when replayed, on every node), and the secret of a mobile session (notifyLogin).

CREATE TABLE application_key (
  user_key    VARCHAR(100)  NOT NULL,
  api_key     VARCHAR(100)  NOT NULL,
  name        VARCHAR(200)  NOT NULL,
  secret_enc  VARCHAR(500)  NOT NULL,
  permissions VARCHAR(2000) NOT NULL,
  created_at  TIMESTAMP     NOT NULL,
  CONSTRAINT pk_application_key PRIMARY KEY (user_key),
  CONSTRAINT fk_application_key_site FOREIGN KEY (api_key) REFERENCES site (api_key) ON DELETE CASCADE
);

CREATE TABLE used_nonce (
  api_key    VARCHAR(100) NOT NULL,
  nonce      VARCHAR(100) NOT NULL,
  expires_at TIMESTAMP    NOT NULL,
  CONSTRAINT pk_used_nonce PRIMARY KEY (api_key, nonce)
);

ALTER TABLE oauth_token ADD COLUMN session_secret_enc VARCHAR(500);
