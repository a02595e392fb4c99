-- Assertions a site's SAML service provider accepted, by the digest of site, identity provider and
-- assertion ID, kept until they expire: each is accepted once, whichever node it reaches.
CREATE TABLE saml_assertion_seen (
  id_hash    VARCHAR(64) NOT NULL,
  keep_until TIMESTAMP   NOT NULL,
  CONSTRAINT pk_saml_assertion_seen PRIMARY KEY (id_hash)
);
CREATE INDEX ix_saml_assertion_seen_keep ON saml_assertion_seen (keep_until);
