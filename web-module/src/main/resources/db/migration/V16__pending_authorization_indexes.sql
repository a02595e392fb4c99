-- Pending authorizations are counted per site (the cap of unexpired flows a site may have waiting)
-- and purged by expiry: an index for each.
CREATE INDEX ix_pending_authorization_site ON pending_authorization (api_key, expires_at);
CREATE INDEX ix_pending_authorization_expiry ON pending_authorization (expires_at);
