-- No more ON DELETE CASCADE: the database deleted a parent's children in an order of its own,
-- after the parent's row, while Junction's transactions take the row lock of an account first and
-- only then touch its identities, tokens, codes and parked logins. A cascading delete racing such
-- a transaction could hold what it waited for (a deadlock, which Derby finds only after its lock
-- timeout). The application now deletes the children itself, in its own lock order (see
-- AccountService.delete and SiteService.delete); each foreign key stays, without its action, so a
-- delete that forgot a child is refused instead of leaving orphans. Written for Apache Derby and
-- PostgreSQL alike, on existing data: every key is dropped and added again under its own name.

-- Every cascading key is dropped first, then added again: Derby refuses a key without an action
-- while another path of keys from the same parent still cascades to the table.
ALTER TABLE social_identity DROP CONSTRAINT fk_social_identity_account;
ALTER TABLE oauth_token DROP CONSTRAINT fk_oauth_token_account;
ALTER TABLE authorization_code DROP CONSTRAINT fk_authorization_code_account;
ALTER TABLE browser_confirmation DROP CONSTRAINT fk_browser_confirmation_account;
ALTER TABLE site_domain DROP CONSTRAINT fk_site_domain_site;
ALTER TABLE provider_config DROP CONSTRAINT fk_provider_config_site;
ALTER TABLE account DROP CONSTRAINT fk_account_site;
ALTER TABLE oauth_token DROP CONSTRAINT fk_oauth_token_site;
ALTER TABLE pending_authorization DROP CONSTRAINT fk_pending_authorization_site;
ALTER TABLE application_key DROP CONSTRAINT fk_application_key_site;
ALTER TABLE site_redirect_uri DROP CONSTRAINT fk_site_redirect_uri_site;
ALTER TABLE browser_confirmation DROP CONSTRAINT fk_browser_confirmation_site;
ALTER TABLE saml_sp_key DROP CONSTRAINT fk_saml_sp_key_site;
ALTER TABLE saml_idp DROP CONSTRAINT fk_saml_idp_provider;

ALTER TABLE social_identity ADD CONSTRAINT fk_social_identity_account
  FOREIGN KEY (account_id) REFERENCES account (id);
ALTER TABLE oauth_token ADD CONSTRAINT fk_oauth_token_account
  FOREIGN KEY (account_id) REFERENCES account (id);
ALTER TABLE authorization_code ADD CONSTRAINT fk_authorization_code_account
  FOREIGN KEY (account_id) REFERENCES account (id);
ALTER TABLE browser_confirmation ADD CONSTRAINT fk_browser_confirmation_account
  FOREIGN KEY (account_id) REFERENCES account (id);
ALTER TABLE site_domain ADD CONSTRAINT fk_site_domain_site
  FOREIGN KEY (api_key) REFERENCES site (api_key);
ALTER TABLE provider_config ADD CONSTRAINT fk_provider_config_site
  FOREIGN KEY (api_key) REFERENCES site (api_key);
ALTER TABLE account ADD CONSTRAINT fk_account_site
  FOREIGN KEY (api_key) REFERENCES site (api_key);
ALTER TABLE oauth_token ADD CONSTRAINT fk_oauth_token_site
  FOREIGN KEY (api_key) REFERENCES site (api_key);
ALTER TABLE pending_authorization ADD CONSTRAINT fk_pending_authorization_site
  FOREIGN KEY (api_key) REFERENCES site (api_key);
ALTER TABLE application_key ADD CONSTRAINT fk_application_key_site
  FOREIGN KEY (api_key) REFERENCES site (api_key);
ALTER TABLE site_redirect_uri ADD CONSTRAINT fk_site_redirect_uri_site
  FOREIGN KEY (api_key) REFERENCES site (api_key);
ALTER TABLE browser_confirmation ADD CONSTRAINT fk_browser_confirmation_site
  FOREIGN KEY (api_key) REFERENCES site (api_key);
ALTER TABLE saml_sp_key ADD CONSTRAINT fk_saml_sp_key_site
  FOREIGN KEY (api_key) REFERENCES site (api_key);
ALTER TABLE saml_idp ADD CONSTRAINT fk_saml_idp_provider
  FOREIGN KEY (api_key, provider) REFERENCES provider_config (api_key, provider);

-- The explicit deletes find an account's rows by account_id (Derby indexes a foreign key's columns
-- by itself, PostgreSQL does not): without an index each would read the whole table, and on Derby
-- wait for every row another transaction holds.
CREATE INDEX ix_oauth_token_account ON oauth_token (account_id);
CREATE INDEX ix_authorization_code_account ON authorization_code (account_id);
CREATE INDEX ix_browser_confirmation_account ON browser_confirmation (account_id);
