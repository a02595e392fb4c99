-- The issuer URL of a site's own OpenID Connect provider (oidc-<name>).
ALTER TABLE provider_config ADD COLUMN issuer VARCHAR(500);
