-- Where the browser lands after an unsolicited (IdP-initiated) SAML response the site accepts: a
-- page of the site, checked against its redirect policy like every redirect_uri.

ALTER TABLE saml_idp ADD COLUMN unsolicited_redirect_uri VARCHAR(2048);
