-- A site's own PKCE (RFC 7636, S256): the code_challenge of socialize.login travels with the
-- pending authorization to the authorization code, which socialize.getToken then redeems only with
-- the matching code_verifier. Not the code_verifier_enc of pending_authorization, which is
-- Junction's own PKCE towards the provider.
ALTER TABLE pending_authorization ADD COLUMN client_code_challenge VARCHAR(128);
ALTER TABLE authorization_code ADD COLUMN client_code_challenge VARCHAR(128);
