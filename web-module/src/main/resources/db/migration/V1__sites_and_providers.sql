-- Sites (API keys), their registered domains, their provider configurations, and server settings.
-- Written once for Apache Derby and PostgreSQL alike: no vendor types, application-assigned keys.

CREATE TABLE junction_setting (
  name          VARCHAR(100)  NOT NULL,
  setting_value VARCHAR(1000) NOT NULL,
  CONSTRAINT pk_junction_setting PRIMARY KEY (name)
);

CREATE TABLE site (
  api_key           VARCHAR(100) NOT NULL,
  name              VARCHAR(200) NOT NULL,
  cname             VARCHAR(253),
  data_center       VARCHAR(8)   NOT NULL,
  retrieve_contacts BOOLEAN      NOT NULL,
  secret_enc        VARCHAR(500) NOT NULL,
  created_at        TIMESTAMP    NOT NULL,
  updated_at        TIMESTAMP    NOT NULL,
  row_version       BIGINT       NOT NULL,
  CONSTRAINT pk_site PRIMARY KEY (api_key)
);

CREATE TABLE site_domain (
  api_key   VARCHAR(100) NOT NULL,
  ordinal   INTEGER      NOT NULL,
  host_name VARCHAR(253) NOT NULL,
  CONSTRAINT pk_site_domain PRIMARY KEY (api_key, ordinal),
  CONSTRAINT fk_site_domain_site FOREIGN KEY (api_key) REFERENCES site (api_key) ON DELETE CASCADE
);

CREATE TABLE provider_config (
  api_key               VARCHAR(100)  NOT NULL,
  provider              VARCHAR(64)   NOT NULL,
  app_id                VARCHAR(256)  NOT NULL,
  public_key            VARCHAR(256),
  secret_key_enc        VARCHAR(1200) NOT NULL,
  cname_enabled         BOOLEAN       NOT NULL,
  secure_redirects_only BOOLEAN       NOT NULL,
  enabled               BOOLEAN       NOT NULL,
  permissions           VARCHAR(2000) NOT NULL,
  updated_at            TIMESTAMP     NOT NULL,
  row_version           BIGINT        NOT NULL,
  CONSTRAINT pk_provider_config PRIMARY KEY (api_key, provider),
  CONSTRAINT fk_provider_config_site FOREIGN KEY (api_key) REFERENCES site (api_key) ON DELETE CASCADE
);
