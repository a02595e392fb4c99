-- The OpenID Connect nonce of a pending authorization, which the provider's id_token must carry.
ALTER TABLE pending_authorization ADD COLUMN nonce VARCHAR(100);
