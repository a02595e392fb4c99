-- SAML 2.0 identity providers of a site (saml-<name>), each beside its provider_config row (which
-- keeps the switches every provider has: enabled, CNAME, secure redirects), and the site's own
-- service-provider key pair, its private key encrypted at rest like every other secret.

CREATE TABLE saml_idp (
  api_key              VARCHAR(100)  NOT NULL,
  provider             VARCHAR(64)   NOT NULL,
  entity_id            VARCHAR(1024) NOT NULL,
  sso_url              VARCHAR(2048) NOT NULL,
  sso_binding          VARCHAR(100)  NOT NULL,
  slo_url              VARCHAR(2048),
  slo_binding          VARCHAR(100)  NOT NULL,
  name_id_format       VARCHAR(200)  NOT NULL,
  attribute_map        VARCHAR(8000) NOT NULL,
  certificates         VARCHAR(16000) NOT NULL,
  allow_unsolicited    BOOLEAN       NOT NULL,
  updated_at           TIMESTAMP     NOT NULL,
  row_version          BIGINT        NOT NULL,
  CONSTRAINT pk_saml_idp PRIMARY KEY (api_key, provider),
  CONSTRAINT fk_saml_idp_provider FOREIGN KEY (api_key, provider)
    REFERENCES provider_config (api_key, provider) ON DELETE CASCADE
);

CREATE TABLE saml_sp_key (
  api_key         VARCHAR(100)  NOT NULL,
  private_key_enc VARCHAR(4000) NOT NULL,
  certificate     VARCHAR(4000) NOT NULL,
  created_at      TIMESTAMP     NOT NULL,
  CONSTRAINT pk_saml_sp_key PRIMARY KEY (api_key),
  CONSTRAINT fk_saml_sp_key_site FOREIGN KEY (api_key) REFERENCES site (api_key) ON DELETE CASCADE
);
