-- Site accounts, the social identities linked to them (with the provider session: tokens
-- encrypted at rest), Junction's own OAuth 2.0 tokens and codes, and pending authorizations.
-- Secrets that grant access (tokens, codes, states, cookies) are stored only as SHA-256 digests.

CREATE TABLE account (
  id             VARCHAR(40)  NOT NULL,
  api_key        VARCHAR(100) NOT NULL,
  uid            VARCHAR(252) NOT NULL,
  guest          BOOLEAN      NOT NULL,
  guest_key_hash VARCHAR(64),
  login_provider VARCHAR(64),
  created_at     TIMESTAMP    NOT NULL,
  last_login_at  TIMESTAMP,
  row_version    BIGINT       NOT NULL,
  CONSTRAINT pk_account PRIMARY KEY (id),
  CONSTRAINT ux_account_uid UNIQUE (api_key, uid),
  CONSTRAINT fk_account_site FOREIGN KEY (api_key) REFERENCES site (api_key) ON DELETE CASCADE
);
CREATE INDEX ix_account_guest ON account (guest_key_hash);

CREATE TABLE social_identity (
  id                VARCHAR(40)   NOT NULL,
  account_id        VARCHAR(40)   NOT NULL,
  api_key           VARCHAR(100)  NOT NULL,
  provider          VARCHAR(64)   NOT NULL,
  provider_uid      VARCHAR(255)  NOT NULL,
  nickname          VARCHAR(255),
  first_name        VARCHAR(255),
  last_name         VARCHAR(255),
  email             VARCHAR(320),
  photo_url         VARCHAR(2000),
  thumbnail_url     VARCHAR(2000),
  profile_url       VARCHAR(2000),
  gender            VARCHAR(8),
  birthday          VARCHAR(32),
  locale            VARCHAR(32),
  access_token_enc  VARCHAR(4000),
  refresh_token_enc VARCHAR(4000),
  token_expires_at  TIMESTAMP,
  created_at        TIMESTAMP     NOT NULL,
  updated_at        TIMESTAMP     NOT NULL,
  row_version       BIGINT        NOT NULL,
  CONSTRAINT pk_social_identity PRIMARY KEY (id),
  CONSTRAINT ux_social_identity UNIQUE (api_key, provider, provider_uid),
  CONSTRAINT fk_social_identity_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
CREATE INDEX ix_social_identity_account ON social_identity (account_id);

CREATE TABLE oauth_token (
  token_hash VARCHAR(64)  NOT NULL,
  api_key    VARCHAR(100) NOT NULL,
  account_id VARCHAR(40),
  kind       VARCHAR(16)  NOT NULL,
  created_at TIMESTAMP    NOT NULL,
  expires_at TIMESTAMP,
  CONSTRAINT pk_oauth_token PRIMARY KEY (token_hash),
  CONSTRAINT fk_oauth_token_site FOREIGN KEY (api_key) REFERENCES site (api_key) ON DELETE CASCADE,
  CONSTRAINT fk_oauth_token_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);

CREATE TABLE authorization_code (
  code_hash       VARCHAR(64)   NOT NULL,
  api_key         VARCHAR(100)  NOT NULL,
  account_id      VARCHAR(40)   NOT NULL,
  redirect_uri    VARCHAR(2048) NOT NULL,
  session_seconds BIGINT,
  expires_at      TIMESTAMP     NOT NULL,
  CONSTRAINT pk_authorization_code PRIMARY KEY (code_hash),
  CONSTRAINT fk_authorization_code_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);

CREATE TABLE pending_authorization (
  state_hash        VARCHAR(64)   NOT NULL,
  api_key           VARCHAR(100)  NOT NULL,
  provider          VARCHAR(64)   NOT NULL,
  flow              VARCHAR(16)   NOT NULL,
  account_id        VARCHAR(40),
  browser_hash      VARCHAR(64)   NOT NULL,
  redirect_uri      VARCHAR(2048) NOT NULL,
  response_type     VARCHAR(8)    NOT NULL,
  client_state      VARCHAR(1024),
  lang              VARCHAR(16),
  session_seconds   BIGINT,
  callback_url      VARCHAR(2048) NOT NULL,
  code_verifier_enc VARCHAR(500),
  expires_at        TIMESTAMP     NOT NULL,
  CONSTRAINT pk_pending_authorization PRIMARY KEY (state_hash),
  CONSTRAINT fk_pending_authorization_site FOREIGN KEY (api_key) REFERENCES site (api_key) ON DELETE CASCADE
);
