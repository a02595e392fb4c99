-- Where the browser lands after an unsolicited (IdP-initiated) SAML response the site accepts: a
-- page of the site, checked against its redirect policy like every redirect_uri.

ALTER TABLE saml_idp ADD COLUMN unsolicited_redirect_uri VARCHAR(2048);

-- What a SAML identity's assertion said beyond the profile every provider has: Country, City, Zip
-- and the samlData.<field> values (JSON), kept with the identity and deleted with it by the application (no cascading keys, see V27).
CREATE TABLE saml_identity_data (
  identity_id VARCHAR(40)    NOT NULL,
  country     VARCHAR(100),
  city        VARCHAR(255),
  zip         VARCHAR(40),
  saml_data   VARCHAR(16000),
  updated_at  TIMESTAMP      NOT NULL,
  CONSTRAINT pk_saml_identity_data PRIMARY KEY (identity_id),
  CONSTRAINT fk_saml_identity_data FOREIGN KEY (identity_id)
    REFERENCES social_identity (id)
);
