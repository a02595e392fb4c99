-- The hosts besides the issuer's on which an oidc-<name> provider's discovery document may place
-- its endpoints: comma-separated host names, null for none.
ALTER TABLE provider_config ADD COLUMN allowed_hosts VARCHAR(2000);
