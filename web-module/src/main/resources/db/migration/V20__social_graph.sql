-- The social graph and actions: a site's permission switches (Gigya's console checkboxes, beside
-- retrieve_contacts), the scopes a login asked the provider for, and the scopes each identity was
-- granted (space-separated).
ALTER TABLE site ADD COLUMN retrieve_friends BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE site ADD COLUMN publish_status BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE site ADD COLUMN publish_user_actions BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE site ADD COLUMN retrieve_photos BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE pending_authorization ADD COLUMN requested_scopes VARCHAR(2000);
ALTER TABLE social_identity ADD COLUMN granted_scopes VARCHAR(2000);
