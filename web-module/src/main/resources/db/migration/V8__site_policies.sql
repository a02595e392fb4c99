-- A site's flow policies: exact redirect URIs (when listed, only they are accepted), whether the
-- implicit flow (response_type=token) is allowed, whether PKCE is required, whether connecting a
-- network from another browser asks for confirmation, and what happens to a browser's guest
-- connections at login (confirm, never, always).
ALTER TABLE site ADD COLUMN allow_implicit BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE site ADD COLUMN require_pkce BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE site ADD COLUMN connect_confirmation BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE site ADD COLUMN guest_merge VARCHAR(16) DEFAULT 'confirm' NOT NULL;

CREATE TABLE site_redirect_uri (
  api_key      VARCHAR(100)  NOT NULL,
  ordinal      INTEGER       NOT NULL,
  redirect_uri VARCHAR(2048) NOT NULL,
  CONSTRAINT pk_site_redirect_uri PRIMARY KEY (api_key, ordinal),
  CONSTRAINT fk_site_redirect_uri_site FOREIGN KEY (api_key) REFERENCES site (api_key) ON DELETE CASCADE
);
