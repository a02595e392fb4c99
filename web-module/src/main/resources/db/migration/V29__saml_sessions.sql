-- The SAML sessions behind logins through a site's identity providers: the IdP's subject (NameID
-- and SessionIndex) beside the identity it became, so that a LogoutRequest from the IdP ends the
-- right user's tokens and socialize.logout can send one to the IdP. Rows older than 30 days go.
CREATE TABLE saml_session (
  id             VARCHAR(40)   NOT NULL,
  api_key        VARCHAR(100)  NOT NULL,
  provider       VARCHAR(64)   NOT NULL,
  name_id        VARCHAR(1024) NOT NULL,
  name_id_format VARCHAR(200),
  session_index  VARCHAR(512),
  provider_uid   VARCHAR(255)  NOT NULL,
  created_at     TIMESTAMP     NOT NULL,
  CONSTRAINT pk_saml_session PRIMARY KEY (id),
  CONSTRAINT fk_saml_session_idp FOREIGN KEY (api_key, provider)
    REFERENCES saml_idp (api_key, provider)
);
CREATE INDEX ix_saml_session_subject ON saml_session (api_key, provider, name_id);
CREATE INDEX ix_saml_session_identity ON saml_session (api_key, provider, provider_uid);
CREATE INDEX ix_saml_session_created ON saml_session (created_at);
