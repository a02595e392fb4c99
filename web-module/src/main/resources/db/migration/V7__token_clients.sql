-- A token remembers the client that minted it: an application key (whose permissions then bound
-- the token, and whose deletion ends it) or the site secret (whose rotation ends it when the site
-- asks for that).
ALTER TABLE oauth_token ADD COLUMN application_key VARCHAR(100);
ALTER TABLE oauth_token ADD COLUMN by_site_secret BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE site ADD COLUMN revoke_tokens_on_rotation BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE site ADD COLUMN secret_rotated_at TIMESTAMP;
